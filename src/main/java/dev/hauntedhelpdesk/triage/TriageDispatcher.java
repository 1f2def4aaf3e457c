package dev.hauntedhelpdesk.triage;

/**
 * Hands a ticket to triage without making the caller wait: a bounded worker pool in the
 * container, an SQS queue in Lambda. A dispatch may be refused or lost (pool full, queue
 * unreachable); the ticket then stays {@code pending} and {@link TriageService#reclaim()} hands it
 * over again later.
 */
public interface TriageDispatcher {

    /** Queues the ticket for triage; returns false when it could not be queued right now. */
    boolean dispatch(String ticketId);
}
