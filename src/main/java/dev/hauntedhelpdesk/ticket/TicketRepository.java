package dev.hauntedhelpdesk.ticket;

import java.util.Optional;

/** Where tickets live. The production adapter is {@link DynamoDbTicketRepository}. */
public interface TicketRepository {

    /** A ticket item must stay far below DynamoDB's 400 KB; each attachment adds ~200 bytes. */
    int MAX_ATTACHMENTS = 100;

    /**
     * Stores a new ticket. With an idempotency claim, a second call with the same requester and
     * key returns the ticket the first call stored (replayed) instead of storing another, and a
     * different request fingerprint under that key fails with {@link IdempotencyKeyReusedException}.
     */
    Created create(Ticket ticket, IdempotencyClaim claim);

    Optional<Ticket> find(String ticketId);

    /**
     * Replaces the ticket if its stored version is still {@code expectedVersion}; returns it with
     * the version bumped, or throws {@link VersionMismatchException} / {@link TicketNotFoundException}.
     */
    Ticket update(Ticket ticket, long expectedVersion);

    /**
     * Appends attachments and their workflow log lines to a stored ticket in one conditional
     * update (whatever else changed meanwhile is kept) and bumps its version; returns the ticket
     * as stored, or throws {@link TicketNotFoundException} when there is none and
     * {@link TooManyAttachmentsException} when the ticket would then hold more than
     * {@link #MAX_ATTACHMENTS}, checked in the same write so concurrent appends cannot pass it.
     */
    Ticket addAttachments(String ticketId, java.util.List<Attachment> attachments,
                          java.util.List<WorkflowEntry> entries, String updatedAt);

    /** Deletes the ticket; throws {@link TicketNotFoundException} when there is none. */
    void delete(String ticketId);

    TicketPage list(TicketQuery query);

    /** An Idempotency-Key as claimed by one requester for one request body. */
    record IdempotencyClaim(String requester, String key, String fingerprint) {
    }

    /** The stored ticket, and whether it came from an earlier call with the same key. */
    record Created(Ticket ticket, boolean replayed) {
    }
}
