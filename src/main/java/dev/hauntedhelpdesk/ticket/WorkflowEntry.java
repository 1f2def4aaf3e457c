package dev.hauntedhelpdesk.ticket;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.micronaut.serde.annotation.Serdeable;

/** One line of a ticket's history: who did what, when. */
@Serdeable
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record WorkflowEntry(String at, String actor, String event, String detail) {
}
