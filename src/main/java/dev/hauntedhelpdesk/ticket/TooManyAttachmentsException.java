package dev.hauntedhelpdesk.ticket;

import dev.hauntedhelpdesk.problem.ProblemException;
import dev.hauntedhelpdesk.problem.ProblemType;

/** A ticket would hold more attachments than its cap. */
public final class TooManyAttachmentsException extends ProblemException {

    public TooManyAttachmentsException(int maxAttachments) {
        super(ProblemType.TOO_MANY_FILES, "A ticket holds at most " + maxAttachments + " attachments");
    }
}
