package dev.hauntedhelpdesk.attachment;

import dev.hauntedhelpdesk.problem.ProblemException;
import dev.hauntedhelpdesk.problem.ProblemType;

/** A direct upload was confirmed before (or without) its bytes arriving in storage. */
final class UploadMissingException extends ProblemException {

    UploadMissingException(String attachmentId) {
        super(ProblemType.UPLOAD_MISSING, "Nothing has been uploaded for attachment " + attachmentId
                + "; PUT the file to its upload URL first, then confirm");
    }
}
