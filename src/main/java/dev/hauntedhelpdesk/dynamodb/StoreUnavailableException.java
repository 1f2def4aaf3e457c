package dev.hauntedhelpdesk.dynamodb;

import dev.hauntedhelpdesk.aws.AwsFailure;
import dev.hauntedhelpdesk.problem.ProblemException;
import dev.hauntedhelpdesk.problem.ProblemType;

/**
 * DynamoDB could not be reached or refused the call; nothing was written, retrying is safe. Only
 * for reads and for writes that certainly did not happen ({@link WriteFailures#nothingWritten});
 * a write that may have happened is {@link WriteOutcomeUnknownException}.
 */
public final class StoreUnavailableException extends ProblemException {

    public StoreUnavailableException(Throwable cause) {
        super(ProblemType.SERVICE_UNAVAILABLE, "Ticket storage is unavailable right now; retry shortly");
        initCause(cause);
    }

    @Override
    public String logDetail() {
        return AwsFailure.describe(getCause());
    }
}
