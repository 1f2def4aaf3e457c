package dev.hauntedhelpdesk.ticket;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** The JSON body of POST /api/tickets, taken as strings so every bad field is reported at once. */
@Serdeable
record CreateTicketRequest(@Nullable String title, @Nullable String description, @Nullable String severity,
                           @Nullable String category) {
}
