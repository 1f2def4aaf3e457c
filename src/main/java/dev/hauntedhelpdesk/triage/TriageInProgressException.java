package dev.hauntedhelpdesk.triage;

import dev.hauntedhelpdesk.problem.ProblemException;
import dev.hauntedhelpdesk.problem.ProblemType;

/** Another run holds the ticket's triage lease; try again once it ends or its lease expires. */
public final class TriageInProgressException extends ProblemException {

    public TriageInProgressException(String ticketId, String leaseExpiresAt) {
        super(ProblemType.TRIAGE_IN_PROGRESS, "Ticket " + ticketId + " is being triaged; its lease expires at "
                + leaseExpiresAt);
    }
}
