package dev.hauntedhelpdesk.bench;

import com.nimbusds.jose.util.JSONObjectUtils;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Base64;
import java.util.Map;

/** {@code GET /api/tickets/{id}} as API Gateway sends it; right when the answer is 200 with the ticket. */
record TicketGet(String event, String ticketId, int warmCalls) implements Workload {

    @Override
    public String event(int call) {
        return event;
    }

    @Override
    public String problem(String answer) {
        try {
            Map<String, Object> response = JSONObjectUtils.parse(answer);
            Object status = response.get("statusCode");
            String body = (String) response.get("body");
            if (Boolean.TRUE.equals(response.get("isBase64Encoded"))) {
                body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
            }
            if (!(status instanceof Number n) || n.intValue() != 200
                    || !ticketId.equals(JSONObjectUtils.parse(body).get("ticket_id"))) {
                return "did not answer with the ticket";
            }
            return null;
        } catch (ParseException | ClassCastException e) {
            return "answered something that is no API Gateway response";
        }
    }
}
