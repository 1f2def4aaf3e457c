package dev.hauntedhelpdesk.ticket;

import dev.hauntedhelpdesk.problem.ProblemException;
import dev.hauntedhelpdesk.problem.ProblemType;

/** If-Match named a version that is no longer current: someone else wrote in between. */
public final class VersionMismatchException extends ProblemException {

    public VersionMismatchException(String ticketId) {
        super(ProblemType.PRECONDITION_FAILED, "Ticket '" + ticketId
                + "' has changed since that version; fetch it again and retry with its ETag");
    }
}
