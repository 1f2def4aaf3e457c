package dev.hauntedhelpdesk.ticket;

import dev.hauntedhelpdesk.problem.ProblemException;
import dev.hauntedhelpdesk.problem.ProblemType;

/** The caller may see the ticket but lacks the role for this change. */
public final class ForbiddenChangeException extends ProblemException {

    public ForbiddenChangeException(String detail) {
        super(ProblemType.FORBIDDEN, detail);
    }
}
