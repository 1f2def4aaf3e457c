package dev.hauntedhelpdesk.dynamodb;

import dev.hauntedhelpdesk.aws.AwsFailure;
import dev.hauntedhelpdesk.problem.ProblemException;
import dev.hauntedhelpdesk.problem.ProblemType;

/**
 * DynamoDB refused the request as invalid (a 4xx other than throttling): a bug or input that got
 * past validation. Retrying cannot help, so this is never a 503.
 */
public final class StoreRejectedException extends ProblemException {

    public StoreRejectedException(Throwable cause) {
        super(ProblemType.INTERNAL_ERROR, "The request could not be completed; quote the correlation id when reporting it");
        initCause(cause);
    }

    @Override
    public String logDetail() {
        return AwsFailure.describe(getCause());
    }
}
