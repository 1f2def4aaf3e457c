package dev.hauntedhelpdesk.attachment;

import dev.hauntedhelpdesk.ticket.Ticket;

import java.util.List;

/**
 * The images attached to a ticket, with their bytes, for a triage engine that can look at them
 * (Bedrock Converse image blocks). Text attachments are left out.
 */
public interface AttachmentImages {

    /** The ticket's image attachments in the order they were added; empty when it has none. */
    List<Image> of(Ticket ticket);

    /** One image: its sanitized file name, its sniffed media type (such as {@code image/png}), its bytes. */
    record Image(String attachmentId, String fileName, String mediaType, byte[] bytes) {
    }
}
