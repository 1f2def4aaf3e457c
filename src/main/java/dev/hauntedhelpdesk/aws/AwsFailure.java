package dev.hauntedhelpdesk.aws;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One log-safe line about why an AWS call failed: each exception in the cause chain by class,
 * with the service's error code, HTTP status and request id where AWS answered. An operator needs
 * these to tell throttling from a missing table or a denied role; none of them carries a secret
 * (messages are left out except the SDK's own client-side ones, which name no credentials).
 */
public final class AwsFailure {

    private static final int MAX_MESSAGE = 200;

    private AwsFailure() {
    }

    /** Error codes AWS answers with a 4xx although a later retry may well succeed. */
    private static final Set<String> RETRYABLE_CLIENT_ERRORS = Set.of("TransactionConflictException",
            "TransactionInProgressException", "ProvisionedThroughputExceededException", "RequestLimitExceeded",
            "ThrottlingException", "LimitExceededException");

    /**
     * Whether AWS refused the request itself (a 4xx such as {@code ValidationException}), which
     * fails the same way on every retry, as opposed to an outage, a timeout or throttling.
     */
    public static boolean isRejectedRequest(Throwable failure) {
        if (!(failure instanceof AwsServiceException service)) {
            return false;
        }
        int status = service.statusCode();
        if (status < 400 || status >= 500 || status == 429 || service.isThrottlingException()
                || service.isClockSkewException()) {
            return false;
        }
        String code = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
        return code == null || !RETRYABLE_CLIENT_ERRORS.contains(code);
    }

    public static String describe(Throwable failure) {
        List<String> parts = new ArrayList<>();
        Set<Throwable> seen = new HashSet<>();
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            parts.add(one(t));
        }
        return String.join(" <- ", parts);
    }

    private static String one(Throwable t) {
        StringBuilder line = new StringBuilder(t.getClass().getName());
        if (t instanceof AwsServiceException service) {
            line.append(" [status=").append(service.statusCode());
            if (service.awsErrorDetails() != null) {
                line.append(", error_code=").append(service.awsErrorDetails().errorCode())
                        .append(", service=").append(service.awsErrorDetails().serviceName());
            }
            line.append(", request_id=").append(service.requestId()).append(']');
        } else if (t instanceof SdkClientException && t.getMessage() != null) {
            String message = t.getMessage();
            line.append(": ").append(message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) + "…" : message);
        }
        return line.toString();
    }
}
