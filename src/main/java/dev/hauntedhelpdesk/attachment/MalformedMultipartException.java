package dev.hauntedhelpdesk.attachment;

import dev.hauntedhelpdesk.web.ProblemException;
import dev.hauntedhelpdesk.web.ProblemType;

/** The body is not a readable multipart/form-data message. */
final class MalformedMultipartException extends ProblemException {

    MalformedMultipartException(String detail) {
        super(ProblemType.MALFORMED_MULTIPART, detail);
    }
}
