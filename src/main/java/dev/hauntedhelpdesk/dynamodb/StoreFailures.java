package dev.hauntedhelpdesk.dynamodb;

import dev.hauntedhelpdesk.aws.AwsFailure;
import dev.hauntedhelpdesk.problem.ProblemException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * What a failed DynamoDB call means to the client. Only a failure that a retry may cure (no
 * connection, a timeout, a 5xx, throttling, a transaction conflict) is "unavailable, retry";
 * a request DynamoDB refused as invalid ({@code ValidationException} and its other 4xx answers)
 * fails the same way every time, so it is reported as the internal error it is.
 */
public final class StoreFailures {

    private StoreFailures() {
    }

    public static ProblemException of(SdkException failure) {
        return AwsFailure.isRejectedRequest(failure)
                ? new StoreRejectedException(failure)
                : new StoreUnavailableException(failure);
    }
}
