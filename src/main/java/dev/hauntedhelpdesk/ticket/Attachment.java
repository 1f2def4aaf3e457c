package dev.hauntedhelpdesk.ticket;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.micronaut.serde.annotation.Serdeable;

/** A file stored with a ticket; the bytes live in attachment storage, not in the ticket item. */
@Serdeable
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Attachment(String attachmentId, String fileName, String contentType, long size) {
}
