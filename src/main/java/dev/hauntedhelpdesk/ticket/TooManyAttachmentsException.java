package dev.hauntedhelpdesk.ticket;

import dev.hauntedhelpdesk.web.ProblemException;
import dev.hauntedhelpdesk.web.ProblemType;

/** A ticket would hold more attachments than its cap. */
public final class TooManyAttachmentsException extends ProblemException {

    public TooManyAttachmentsException(int maxAttachments) {
        super(ProblemType.TOO_MANY_FILES, "A ticket holds at most " + maxAttachments + " attachments");
    }
}
