package dev.hauntedhelpdesk.ticket;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** A page of tickets, newest first, and the opaque cursor for the next page (null at the end). */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record TicketPage(List<Ticket> items, @JsonProperty("next_cursor") String nextCursor) {
}
