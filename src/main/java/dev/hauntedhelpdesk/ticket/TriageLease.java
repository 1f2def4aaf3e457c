package dev.hauntedhelpdesk.ticket;

import java.time.Instant;

/**
 * A triage run's hold on a ticket, kept on the ticket's item beside it (not in the ticket the API
 * returns): the run that claimed it and the instant no live run can pass.
 */
public record TriageLease(String runId, Instant until) {

    public boolean expiredAt(Instant now) {
        return until.isBefore(now);
    }
}
