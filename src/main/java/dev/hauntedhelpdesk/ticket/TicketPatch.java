package dev.hauntedhelpdesk.ticket;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A validated partial update. {@code present} names the fields the request carried, so that
 * "set assignee to null" (unassign) differs from "leave assignee alone".
 */
public record TicketPatch(
        Set<String> present,
        String title,
        String description,
        Severity severity,
        Category category,
        TicketStatus status,
        String assignee,
        String resolution) {

    /** Fields a requester may change on their own ticket while it is still pending. */
    static final Set<String> REQUESTER_FIELDS = Set.of("title", "description", "severity", "category");
    static final Set<String> ALL_FIELDS = Set.of("title", "description", "severity", "category", "status",
            "assignee", "resolution");

    public TicketPatch {
        present = Set.copyOf(present);
    }

    /** Validates a JSON object body; unknown fields and wrong types are errors, not ignored. */
    public static TicketPatch of(Map<String, Object> body) {
        Fields fields = new Fields();
        if (body == null || body.isEmpty()) {
            fields.reject("body", "must name at least one of " + new TreeSet<>(ALL_FIELDS));
            fields.throwIfAny();
        }
        Set<String> typed = new TreeSet<>();
        for (String key : new TreeSet<>(body.keySet())) {
            if (!ALL_FIELDS.contains(key)) {
                fields.reject(key, "is not a field that can be changed");
            } else if (body.get(key) != null && !(body.get(key) instanceof String)) {
                fields.reject(key, "must be a string");
            } else {
                typed.add(key);
            }
        }
        // Values are checked only for known, string-typed keys, so every bad field is reported once.
        String title = fields.text("title", str(body, "title"), Fields.MAX_TITLE, typed.contains("title"));
        String description = fields.text("description", str(body, "description"), Fields.MAX_DESCRIPTION,
                typed.contains("description"));
        Severity severity = fields.choice("severity", str(body, "severity"), Severity.class, typed.contains("severity"));
        Category category = fields.choice("category", str(body, "category"), Category.class, typed.contains("category"));
        TicketStatus status = fields.choice("status", str(body, "status"), TicketStatus.class, typed.contains("status"));
        String assignee = fields.text("assignee", str(body, "assignee"), 128, false);
        String resolution = fields.text("resolution", str(body, "resolution"), Fields.MAX_RESOLUTION, false);
        fields.throwIfAny();
        return new TicketPatch(body.keySet(), title, description, severity, category, status, assignee, resolution);
    }

    private static String str(Map<String, Object> body, String key) {
        return body.get(key) instanceof String value ? value : null;
    }

    boolean has(String field) {
        return present.contains(field);
    }
}
