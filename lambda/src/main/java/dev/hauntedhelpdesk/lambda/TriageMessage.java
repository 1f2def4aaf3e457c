package dev.hauntedhelpdesk.lambda;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The body of a triage queue message: {@code {"ticket_id":"<uuid>"}} for a new or swept ticket,
 * {@code {"ticket_id":"<uuid>","requested":true,"run_id":"<uuid>"}} for a run a person asked for
 * (which may start from escalated or error, and is made under the run id the API function waits
 * for; the run id is optional). Anything else is malformed.
 */
record TriageMessage(String ticketId, boolean requested, String runId) {

    private static final String UUID = "([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})";
    private static final Pattern BODY = Pattern.compile(
            "\\{\\s*\"ticket_id\"\\s*:\\s*\"" + UUID + "\"\\s*"
                    + "(?:,\\s*\"requested\"\\s*:\\s*(true|false)\\s*)?"
                    + "(?:,\\s*\"run_id\"\\s*:\\s*\"" + UUID + "\"\\s*)?}");

    String body() {
        return "{\"ticket_id\":\"" + ticketId + "\"" + (requested ? ",\"requested\":true" : "")
                + (runId == null ? "" : ",\"run_id\":\"" + runId + "\"") + "}";
    }

    static Optional<TriageMessage> parse(String body) {
        Matcher m = BODY.matcher(body == null ? "" : body.trim());
        return m.matches() ? Optional.of(new TriageMessage(m.group(1), "true".equals(m.group(2)), m.group(3)))
                : Optional.empty();
    }
}
