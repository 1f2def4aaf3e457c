package dev.hauntedhelpdesk.ticket;

import java.time.Instant;
import java.util.List;
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

    /** The ticket with the triage lease its item holds ({@code null} lease when none). */
    Optional<TriageState> findForTriage(String ticketId);

    /**
     * Claims the ticket for a triage run in one conditional update: only while its status is still
     * {@code claim.seen()}, and when that is {@code processing} only if the earlier run's lease has
     * expired. Sets {@code processing}, the run id and the lease expiry, appends the log entries
     * and bumps the version. Whatever else changed meanwhile is kept.
     *
     * @return the claimed ticket, or the refusal with the ticket as it stands (none when absent)
     */
    ClaimOutcome claimTriage(String ticketId, TriageClaim claim);

    /**
     * Writes a run's outcome in one conditional update, only while the item still holds this
     * run's lease: the status and resolution (unless the status was changed from
     * {@code processing} meanwhile, then only the log), the category if none was set, the log
     * entries; releases the lease and bumps the version.
     */
    RecordOutcome recordTriage(String ticketId, TriageRecord record);

    /**
     * The result a run recorded (as {@link TriageRecord#result()} holds it), once run
     * {@code runId} has recorded and while no later run has claimed the ticket; empty before, or
     * when the ticket is gone. One strongly consistent GetItem of the few attributes it needs.
     */
    Optional<String> recordedTriageResult(String ticketId, String runId);

    /**
     * One page of {@code processing} tickets whose lease expired before {@code now} (an item
     * claimed before leases were stored counts as expired when last updated before
     * {@code staleBefore}). A Query on the status index, never a Scan.
     */
    TicketPage expiredTriageLeases(Instant now, Instant staleBefore, int limit, PageCursor after);

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

    /** A ticket and the triage lease on its item, {@code null} when it holds none. */
    record TriageState(Ticket ticket, TriageLease lease) {
    }

    /**
     * A triage run's claim: the status the run saw (the claim holds only while it is unchanged),
     * the lease it takes, the log entries it appends. {@code staleBefore} is when an item claimed
     * before leases were stored counts as abandoned (its {@code updated_at} is the lease start).
     */
    record TriageClaim(String runId, TicketStatus seen, Instant now, Instant leaseUntil, Instant staleBefore,
                       List<WorkflowEntry> entries) {
        public TriageClaim {
            entries = List.copyOf(entries);
        }
    }

    /** What a claim did: claimed the ticket, or found it otherwise (absent when deleted). */
    sealed interface ClaimOutcome {
    }

    record Claimed(Ticket ticket) implements ClaimOutcome {
    }

    record Refused(Optional<TriageState> current) implements ClaimOutcome {
    }

    /**
     * A run's outcome; {@code category} is kept only where the ticket has none. {@code result} is
     * the run's whole result as JSON, kept for a caller waiting for a run another process makes
     * ({@code null}: none kept).
     */
    record TriageRecord(String runId, String status, String resolution, String category,
                        List<WorkflowEntry> entries, String updatedAt, String result) {
        public TriageRecord {
            entries = List.copyOf(entries);
        }
    }

    /** What recording did: wrote it all, only the log (status changed meanwhile), or nothing. */
    enum RecordOutcome { RECORDED, LOG_ONLY, LEASE_LOST, TICKET_GONE }
}
