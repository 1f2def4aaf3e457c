package dev.hauntedhelpdesk.attachment;

import dev.hauntedhelpdesk.aws.AwsFailure;
import dev.hauntedhelpdesk.problem.ProblemException;
import dev.hauntedhelpdesk.problem.ProblemType;

/** The attachment store could not be reached; the request was undone as far as it got. */
final class StorageUnavailableException extends ProblemException {

    StorageUnavailableException(Throwable cause) {
        super(ProblemType.SERVICE_UNAVAILABLE, "Attachment storage is unavailable right now; retry shortly");
        initCause(cause);
    }

    @Override
    public String logDetail() {
        return AwsFailure.describe(getCause());
    }
}
