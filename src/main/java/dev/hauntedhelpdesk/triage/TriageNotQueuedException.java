package dev.hauntedhelpdesk.triage;

import dev.hauntedhelpdesk.problem.ProblemException;
import dev.hauntedhelpdesk.problem.ProblemType;

/** An asynchronous run could not be queued (worker pool full, queue unreachable); nothing changed. */
public final class TriageNotQueuedException extends ProblemException {

    public TriageNotQueuedException(String ticketId) {
        super(ProblemType.SERVICE_UNAVAILABLE, "Triage of ticket " + ticketId
                + " could not be queued right now; nothing was changed, retry shortly");
    }
}
