package dev.hauntedhelpdesk.logging;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The trace a request belongs to, as the front doors and tracers name it: the {@code Root} of
 * {@code X-Amzn-Trace-Id} (set by the ALB and API Gateway, and by Lambda for each invocation), else
 * the trace id of a W3C {@code traceparent}. Only well-formed ids are taken, so nothing a client
 * sends reaches a log line unchecked.
 */
public final class TraceIds {

    public static final String AMZN_HEADER = "X-Amzn-Trace-Id";
    public static final String W3C_HEADER = "traceparent";
    /** Where the Lambda runtime puts the invocation's trace header. */
    public static final String LAMBDA_PROPERTY = "com.amazonaws.xray.traceHeader";
    /** The log field, in both runtimes. */
    public static final String MDC_KEY = "trace_id";

    private static final Pattern AMZN_ROOT = Pattern.compile("(?:^|;)\\s*Root=(1-[0-9a-f]{8}-[0-9a-f]{24})\\s*(?=;|$)");
    private static final Pattern TRACEPARENT = Pattern.compile("([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}");
    private static final String ZERO_TRACE = "0".repeat(32);
    private static final String ZERO_SPAN = "0".repeat(16);

    private TraceIds() {
    }

    /** The trace id from these header values (either may be null), X-Amzn-Trace-Id first. */
    public static Optional<String> of(String amznTraceId, String traceparent) {
        return amzn(amznTraceId).or(() -> w3c(traceparent));
    }

    static Optional<String> amzn(String value) {
        if (value == null) {
            return Optional.empty();
        }
        Matcher m = AMZN_ROOT.matcher(value);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    static Optional<String> w3c(String value) {
        if (value == null) {
            return Optional.empty();
        }
        Matcher m = TRACEPARENT.matcher(value.trim());
        // W3C Trace Context: version ff and all-zero ids are invalid.
        if (!m.matches() || m.group(1).equals("ff") || m.group(2).equals(ZERO_TRACE) || m.group(3).equals(ZERO_SPAN)) {
            return Optional.empty();
        }
        return Optional.of(m.group(2));
    }
}
