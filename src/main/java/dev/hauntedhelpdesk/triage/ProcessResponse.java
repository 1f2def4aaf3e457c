package dev.hauntedhelpdesk.triage;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/** The answer of {@code POST /api/tickets/{ticket_id}/process}. */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
record ProcessResponse(String ticketId, WorkflowResult workflowResult) {
}
