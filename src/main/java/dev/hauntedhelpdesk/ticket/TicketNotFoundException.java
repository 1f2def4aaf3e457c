package dev.hauntedhelpdesk.ticket;

import dev.hauntedhelpdesk.web.ProblemException;
import dev.hauntedhelpdesk.web.ProblemType;

/** No such ticket, or not one the caller may see: the two are indistinguishable on purpose. */
public final class TicketNotFoundException extends ProblemException {

    public TicketNotFoundException(String ticketId) {
        super(ProblemType.NOT_FOUND, "No ticket '" + ticketId + "'");
    }
}
