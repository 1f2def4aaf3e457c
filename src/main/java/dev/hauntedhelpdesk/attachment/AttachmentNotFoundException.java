package dev.hauntedhelpdesk.attachment;

import dev.hauntedhelpdesk.problem.ProblemException;
import dev.hauntedhelpdesk.problem.ProblemType;

/** No such attachment on a ticket the caller may see (the same answer as for a hidden ticket). */
final class AttachmentNotFoundException extends ProblemException {

    AttachmentNotFoundException(String attachmentId) {
        super(ProblemType.NOT_FOUND, "No attachment " + attachmentId);
    }
}
