package dev.hauntedhelpdesk.attachment;

import dev.hauntedhelpdesk.problem.ProblemException;
import dev.hauntedhelpdesk.problem.ProblemType;

/** The body is not a readable multipart/form-data message. */
final class MalformedMultipartException extends ProblemException {

    MalformedMultipartException(String detail) {
        super(ProblemType.MALFORMED_MULTIPART, detail);
    }
}
