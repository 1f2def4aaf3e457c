package dev.hauntedhelpdesk.ticket;

import dev.hauntedhelpdesk.problem.ProblemException;
import dev.hauntedhelpdesk.problem.ProblemType;

/** The requested status change is not in the transition table. */
public final class InvalidTransitionException extends ProblemException {

    public InvalidTransitionException(TicketStatus from, TicketStatus to) {
        super(ProblemType.INVALID_TRANSITION, "A ticket cannot move from '" + from.wire() + "' to '" + to.wire()
                + "'; allowed: " + from.next().stream().map(TicketStatus::wire).sorted().toList());
    }
}
