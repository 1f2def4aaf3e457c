package dev.hauntedhelpdesk.ticket;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.hauntedhelpdesk.security.Caller;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.ArrayList;
import java.util.List;

/**
 * A ticket as stored and as returned by the API. The enums serialise as their {@link WireName}s,
 * so the JSON reads {@code "severity": "high"}; {@code category} is null until the requester or
 * triage sets it; {@code version} is the optimistic-locking counter that the {@code ETag} carries.
 * Changes are named methods that return the next ticket; only {@link #open} and the store's item
 * mapping build one from every field.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Ticket(
        String ticketId,
        String title,
        String description,
        Severity severity,
        Category category,
        TicketStatus status,
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

    /** A new ticket, {@code pending} at version 1, opened by {@code caller} at {@code at}. */
    public static Ticket open(String ticketId, NewTicket request, Caller caller, List<Attachment> attachments,
                              String at) {
        return new Ticket(ticketId, request.title(), request.description(), request.severity(), request.category(),
                TicketStatus.PENDING, caller.id(), null, null,
                List.of(new WorkflowEntry(at, caller.username(), "created", null)), attachments, at, at, 1);
    }

    /** True when this caller may see the ticket at all. */
    public boolean visibleTo(Caller caller) {
        return caller.isAgent() || requester.equals(caller.id());
    }

    /** The ticket in {@code status}, last changed at {@code updatedAt}. */
    public Ticket withStatus(TicketStatus status, String updatedAt) {
        return new Ticket(ticketId, title, description, severity, category, status, requester, assignee,
                resolution, workflowLog, attachments, createdAt, updatedAt, version);
    }

    /**
     * The ticket with every field {@code patch} names, other than {@code status}, set to the
     * patch's value ({@link #withStatus} changes the status, as it has rules of its own).
     */
    public Ticket edited(TicketPatch patch) {
        return new Ticket(ticketId,
                patch.has("title") ? patch.title() : title,
                patch.has("description") ? patch.description() : description,
                patch.has("severity") ? patch.severity() : severity,
                patch.has("category") ? patch.category() : category,
                status, requester,
                patch.has("assignee") ? patch.assignee() : assignee,
                patch.has("resolution") ? patch.resolution() : resolution,
                workflowLog, attachments, createdAt, updatedAt, version);
    }

    /** The ticket with {@code entries} added to the end of its workflow log. */
    public Ticket appendLog(List<WorkflowEntry> entries) {
        List<WorkflowEntry> log = new ArrayList<>(workflowLog);
        log.addAll(entries);
        return new Ticket(ticketId, title, description, severity, category, status, requester, assignee,
                resolution, log, attachments, createdAt, updatedAt, version);
    }

    /** The ticket with {@code version}, as the store numbers the write that stores it. */
    public Ticket withVersion(long version) {
        return new Ticket(ticketId, title, description, severity, category, status, requester, assignee,
                resolution, workflowLog, attachments, createdAt, updatedAt, version);
    }
}
