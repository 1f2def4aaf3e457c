package dev.hauntedhelpdesk.attachment;

import dev.hauntedhelpdesk.web.ProblemException;
import dev.hauntedhelpdesk.web.ProblemType;

/** One file is over MAX_UPLOAD_SIZE_MB. */
final class FileTooLargeException extends ProblemException {

    FileTooLargeException(String fileName, long limitBytes) {
        super(ProblemType.PAYLOAD_TOO_LARGE, "File '" + fileName + "' is larger than the limit of "
                + limitBytes + " bytes per file");
    }
}
