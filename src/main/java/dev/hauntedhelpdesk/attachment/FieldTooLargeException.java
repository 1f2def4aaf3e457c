package dev.hauntedhelpdesk.attachment;

import dev.hauntedhelpdesk.problem.ProblemException;
import dev.hauntedhelpdesk.problem.ProblemType;

/** One form field of a multipart request is over {@link UploadLimits#MAX_FIELD_BYTES}. */
final class FieldTooLargeException extends ProblemException {

    FieldTooLargeException(String fieldName) {
        super(ProblemType.PAYLOAD_TOO_LARGE, "Form field '" + fieldName + "' is longer than "
                + UploadLimits.MAX_FIELD_BYTES + " bytes");
    }
}
