package dev.hauntedhelpdesk.ticket;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;

/**
 * A validated request to open a ticket. {@code category} is null when the requester left it to
 * triage.
 */
public record NewTicket(String title, String description, Severity severity, Category category) {

    /** The members of a new ticket's JSON body. */
    static final Set<String> FIELDS = Set.of("title", "description", "severity", "category");

    /**
     * Validates a JSON object body (as {@code JsonBodies} reads it): members of the wrong JSON
     * type or not in {@link #FIELDS} are errors, reported with every bad value at once.
     */
    public static NewTicket fromJson(Map<String, Object> body) {
        Fields fields = new Fields();
        Map<String, String> text = fields.strings(body, FIELDS, "is not a field of a new ticket");
        return of(fields, text.get("title"), text.get("description"), text.get("severity"), text.get("category"));
    }

    /** Validates raw input, failing with every bad field at once. */
    public static NewTicket of(String title, String description, String severity, String category) {
        return of(new Fields(), title, description, severity, category);
    }

    private static NewTicket of(Fields fields, String title, String description, String severity, String category) {
        String t = fields.text("title", title, Fields.MAX_TITLE, true);
        String d = fields.text("description", description, Fields.MAX_DESCRIPTION, true);
        Severity s = fields.choice("severity", severity, Severity.class, true);
        Category c = fields.choice("category", category, Category.class, false);
        fields.throwIfAny();
        return new NewTicket(t, d, s, c);
    }

    /** A digest of the request, so a reused idempotency key with another body is detected. */
    public String fingerprint() {
        return fingerprint("");
    }

    /**
     * A digest of the request together with what describes its files ({@code ""} for none, which
     * gives {@link #fingerprint()}), so the same key with other files is detected too.
     */
    public String fingerprint(String files) {
        String canonical = String.join("\u0000", title, description, severity.wire(),
                category == null ? "" : category.wire());
        if (!files.isEmpty()) {
            canonical += "\u0000files\u0000" + files;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
