package dev.hauntedhelpdesk.dynamodb;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.TransactionInProgressException;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Tells a failed DynamoDB write that certainly changed nothing from one whose outcome is unknown.
 * A write is known not to have happened only when no attempt of it can have reached the table:
 * every attempt was refused before sending (connection refused, unknown host, connect timeout)
 * or answered by DynamoDB with a 4xx (throttled, invalid, access denied). A timeout, a connection
 * lost after sending or a 5xx may come after the write was applied.
 *
 * <p>The SDK retries on its own and keeps earlier attempts only as suppressed exceptions whose
 * message it wrote ("Request attempt N failure: ..."), so those are judged by that message; any
 * message not recognised counts as unknown.
 */
public final class WriteFailures {

    private static final Pattern CLIENT_ERROR_STATUS = Pattern.compile("Status Code: 4\\d\\d\\b");

    private WriteFailures() {
    }

    /** True only when no attempt of the failed write can have been applied. */
    public static boolean nothingWritten(SdkException failure) {
        if (!lastAttemptNotApplied(failure)) {
            return false;
        }
        for (Throwable earlier : failure.getSuppressed()) {
            if (!earlierAttemptNotApplied(earlier.getMessage())) {
                return false;
            }
        }
        return true;
    }

    private static boolean lastAttemptNotApplied(SdkException failure) {
        if (failure instanceof AwsServiceException service) {
            // A transaction still in progress under the same token may yet commit.
            return service.statusCode() >= 400 && service.statusCode() < 500
                    && !(failure instanceof TransactionInProgressException);
        }
        for (Throwable t = failure.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof NoRouteToHostException
                    || t instanceof UnknownHostException) {
                return true;
            }
            if (t instanceof SocketTimeoutException && isConnectTimeout(t.getMessage())) {
                return true;
            }
        }
        return false;
    }

    private static boolean earlierAttemptNotApplied(String message) {
        if (message == null) {
            return false;
        }
        String lower = message.toLowerCase(Locale.ROOT);
        return lower.contains("connection refused") || isConnectTimeout(lower)
                || lower.contains("unknownhostexception") || lower.contains("name or service not known")
                || CLIENT_ERROR_STATUS.matcher(message).find() && !lower.contains("transaction is ongoing")
                && !lower.contains("in progress");
    }

    private static boolean isConnectTimeout(String message) {
        return message != null && message.toLowerCase(Locale.ROOT).contains("connect timed out");
    }
}
