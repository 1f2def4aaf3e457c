package dev.hauntedhelpdesk.ticket;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/** A file stored with a ticket; the bytes live in attachment storage, not in the ticket item. */
@Serdeable(naming = SnakeCaseStrategy.class)
public record Attachment(String attachmentId, String fileName, String contentType, long size) {
}
