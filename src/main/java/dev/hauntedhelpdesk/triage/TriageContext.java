package dev.hauntedhelpdesk.triage;

import java.util.List;

/**
 * What the triage team is told about one ticket: its text, the category the requester chose
 * ({@code null} when triage must decide), and any images attached to it, which an engine that
 * can see images may read (empty until attachments reach triage).
 */
public record TriageContext(String ticketId, String title, String description, String severity,
                            String category, List<TicketImage> images) {

    public TriageContext {
        images = images == null ? List.of() : List.copyOf(images);
    }

    /** The context of a text-only ticket. */
    public static TriageContext of(String ticketId, String title, String description, String severity,
                                   String category) {
        return new TriageContext(ticketId, title, description, severity, category, List.of());
    }

    /** Title and description as one text, the form every engine reads. */
    public String text() {
        return title + "\n" + description;
    }

    /** One image attached to a ticket: its media type (such as {@code image/png}) and bytes. */
    public record TicketImage(String fileName, String mediaType, byte[] bytes) {
    }
}
