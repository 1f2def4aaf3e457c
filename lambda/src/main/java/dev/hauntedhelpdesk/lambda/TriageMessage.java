package dev.hauntedhelpdesk.lambda;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The body of a triage queue message: {@code {"ticket_id":"<uuid>"}}. */
final class TriageMessage {

    private static final Pattern TICKET_ID = Pattern.compile(
            "\\{\\s*\"ticket_id\"\\s*:\\s*\"([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\"\\s*}");

    private TriageMessage() {
    }

    static String body(String ticketId) {
        return "{\"ticket_id\":\"" + ticketId + "\"}";
    }

    static Optional<String> ticketId(String body) {
        Matcher m = TICKET_ID.matcher(body == null ? "" : body.trim());
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
