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
        // Values are checked only for known, string-typed keys, so every bad field is reported once.
        Map<String, String> text = fields.strings(body, ALL_FIELDS, "is not a field that can be changed");
        String title = fields.text("title", text.get("title"), Fields.MAX_TITLE, body.containsKey("title"));
        String description = fields.text("description", text.get("description"), Fields.MAX_DESCRIPTION,
                body.containsKey("description"));
        Severity severity = fields.choice("severity", text.get("severity"), Severity.class,
                body.containsKey("severity"));
        Category category = fields.choice("category", text.get("category"), Category.class,
                body.containsKey("category"));
        TicketStatus status = fields.choice("status", text.get("status"), TicketStatus.class,
                body.containsKey("status"));
        String assignee = fields.text("assignee", text.get("assignee"), 128, false);
        String resolution = fields.text("resolution", text.get("resolution"), Fields.MAX_RESOLUTION, false);
        fields.throwIfAny();
        return new TicketPatch(body.keySet(), title, description, severity, category, status, assignee, resolution);
    }

    boolean has(String field) {
        return present.contains(field);
    }
}
