package dev.hauntedhelpdesk.attachment;

import dev.hauntedhelpdesk.ticket.Ticket;
import jakarta.inject.Singleton;

import java.util.List;

/** Reads a ticket's image attachments back from attachment storage. */
@Singleton
class StoredAttachmentImages implements AttachmentImages {

    private final AttachmentService attachments;

    StoredAttachmentImages(AttachmentService attachments) {
        this.attachments = attachments;
    }

    @Override
    public List<Image> of(Ticket ticket) {
        return attachments.images(ticket).stream()
                .map(d -> new Image(d.attachment().attachmentId(), d.attachment().fileName(),
                        d.attachment().contentType(), d.content()))
                .toList();
    }
}
