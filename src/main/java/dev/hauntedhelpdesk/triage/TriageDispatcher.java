package dev.hauntedhelpdesk.triage;

/**
 * Hands a ticket to triage without making the caller wait: a bounded worker pool in the
 * container, an SQS queue in Lambda. A dispatch may be refused or lost (pool full, queue
 * unreachable); the ticket then stays where it was and {@link TriageService#reclaim} hands a
 * pending or abandoned one over again later.
 */
public interface TriageDispatcher {

    /** Queues a new or swept ticket for triage; returns false when it could not be queued right now. */
    boolean dispatch(String ticketId);

    /**
     * Queues a run that a person asked for ({@code POST /process}), to be made as run
     * {@code runId}, whose result the caller waits for; unlike a new ticket's it may start from
     * {@code escalated} or {@code error}. Returns false when it could not be queued right now; a
     * dispatcher that cannot carry such runs never queues them.
     */
    default boolean dispatchRequested(String ticketId, String runId) {
        return false;
    }
}
