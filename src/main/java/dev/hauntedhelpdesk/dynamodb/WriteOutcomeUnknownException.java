package dev.hauntedhelpdesk.dynamodb;

import dev.hauntedhelpdesk.aws.AwsFailure;
import dev.hauntedhelpdesk.problem.ProblemException;
import dev.hauntedhelpdesk.problem.ProblemType;

import java.util.Map;

/**
 * A write whose answer was lost (a timeout, a connection dropped after sending) and that could
 * not be settled afterwards: it may or may not have been applied. Unlike
 * {@link StoreUnavailableException} this never claims that nothing was written.
 */
public final class WriteOutcomeUnknownException extends ProblemException {

    /** Seconds a client should wait before retrying; the SDK's own retries already took up to 6 s. */
    public static final int RETRY_AFTER_SECONDS = 2;

    private final String ticketId;

    private WriteOutcomeUnknownException(String detail, String ticketId, Throwable cause) {
        super(ProblemType.OUTCOME_UNKNOWN, detail);
        this.ticketId = ticketId;
        initCause(cause);
    }

    /** A create of {@code ticketId} whose outcome is unknown. */
    public static WriteOutcomeUnknownException ofCreate(String ticketId, Throwable cause) {
        return new WriteOutcomeUnknownException("Ticket storage did not confirm whether ticket " + ticketId
                + " was stored. Retry with the same Idempotency-Key, which stores it at most once, or GET "
                + "/api/tickets/" + ticketId + " to see whether it exists", ticketId, cause);
    }

    /** A change to {@code ticketId} whose outcome is unknown. */
    public static WriteOutcomeUnknownException ofChange(String ticketId, Throwable cause) {
        return new WriteOutcomeUnknownException("Ticket storage did not confirm whether the change to ticket "
                + ticketId + " was stored. GET the ticket to see its current version before retrying", ticketId,
                cause);
    }

    @Override
    public String ticketId() {
        return ticketId;
    }

    @Override
    public Map<String, String> headers() {
        return Map.of("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
    }

    @Override
    public String logDetail() {
        return AwsFailure.describe(getCause());
    }
}
