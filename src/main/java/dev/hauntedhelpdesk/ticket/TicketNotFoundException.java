package dev.hauntedhelpdesk.ticket;

import dev.hauntedhelpdesk.problem.ProblemException;
import dev.hauntedhelpdesk.problem.ProblemType;

/** No such ticket, or not one the caller may see: the two are indistinguishable on purpose. */
public final class TicketNotFoundException extends ProblemException {

    public TicketNotFoundException(String ticketId) {
        super(ProblemType.NOT_FOUND, "No ticket '" + ticketId + "'");
    }
}
