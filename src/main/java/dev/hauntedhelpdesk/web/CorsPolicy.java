package dev.hauntedhelpdesk.web;

import java.time.Duration;
import java.util.List;

/**
 * What a browser page on an allowed origin may send to the API and read from its answers, listed
 * once. The service applies it itself ({@code CorsFromSettings}, container and REST API); behind
 * the HTTP API, API Gateway answers CORS from the {@code CorsConfiguration} in
 * {@code lambda/template.yaml}, which a test holds equal to these lists.
 */
public final class CorsPolicy {

    /** The methods the API serves; GET and POST need no preflight but are listed for clarity. */
    public static final List<String> ALLOWED_METHODS = List.of("GET", "POST", "PATCH", "DELETE");

    /**
     * Request headers beyond the CORS-safelisted ones, as API Gateway lists them. {@code
     * Authorization} must be named: a wildcard does not cover it. The service itself allows what a
     * preflight asks for (see {@code CorsFromSettings}), a superset of these.
     */
    public static final List<String> ALLOWED_HEADERS = List.of("Authorization", "Content-Type", "If-Match",
            "Idempotency-Key", "Prefer", "X-Correlation-ID");

    /**
     * Response headers beyond the safelisted ones that a script needs: the version for
     * {@code If-Match}, where a new ticket lives, the correlation id to quote, whether a create was
     * replayed, a download's file name, and when to retry.
     */
    public static final List<String> EXPOSED_HEADERS = List.of("Content-Disposition", "ETag", "Idempotent-Replayed",
            "Location", "Preference-Applied", "Retry-After", "X-Correlation-ID");

    /** How long a browser may reuse a preflight answer. */
    public static final Duration MAX_AGE = Duration.ofMinutes(10);

    /**
     * Tokens travel in {@code Authorization}, not cookies, so no request needs credentials mode
     * and no origin is trusted with cookies.
     */
    public static final boolean ALLOW_CREDENTIALS = false;

    private CorsPolicy() {
    }
}
