package dev.hauntedhelpdesk.attachment;

import dev.hauntedhelpdesk.problem.ProblemException;
import dev.hauntedhelpdesk.problem.ProblemType;

/** A request carried more files than MAX_FILES_PER_REQUEST (a full ticket is TooManyAttachmentsException). */
final class TooManyFilesException extends ProblemException {

    TooManyFilesException(String detail) {
        super(ProblemType.TOO_MANY_FILES, detail);
    }
}
