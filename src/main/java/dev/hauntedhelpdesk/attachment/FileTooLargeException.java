package dev.hauntedhelpdesk.attachment;

import dev.hauntedhelpdesk.problem.ProblemException;
import dev.hauntedhelpdesk.problem.ProblemType;

/** One file is over MAX_UPLOAD_SIZE_MB. */
final class FileTooLargeException extends ProblemException {

    FileTooLargeException(String fileName, long limitBytes) {
        super(ProblemType.PAYLOAD_TOO_LARGE, "File '" + fileName + "' is larger than the limit of "
                + limitBytes + " bytes per file");
    }
}
