package dev.hauntedhelpdesk.ticket;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.List;

/**
 * A ticket as stored and as returned by the API. Enums travel as their lower-case wire names so
 * the JSON matches the contract exactly; {@code version} is the optimistic-locking counter that
 * the {@code ETag} carries.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Ticket(
        String ticketId,
        String title,
        String description,
        String severity,
        String category,
        String status,
        String requester,
        String assignee,
        String resolution,
        List<WorkflowEntry> workflowLog,
        List<Attachment> attachments,
        String createdAt,
        String updatedAt,
        long version) {

    public Ticket {
        workflowLog = List.copyOf(workflowLog);
        attachments = List.copyOf(attachments);
    }

    public TicketStatus statusValue() {
        return TicketStatus.valueOf(status.toUpperCase(java.util.Locale.ROOT));
    }

    /** True when this caller may see the ticket at all. */
    public boolean visibleTo(dev.hauntedhelpdesk.security.Caller caller) {
        return caller.isAgent() || requester.equals(caller.id());
    }
}
