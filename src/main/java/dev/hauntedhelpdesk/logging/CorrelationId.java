package dev.hauntedhelpdesk.logging;

import io.micronaut.http.HttpRequest;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** The id that ties a request's log lines, its response and any problem body together. */
public final class CorrelationId {

    public static final String HEADER = "X-Correlation-ID";
    static final String ATTRIBUTE = "helpdesk.correlation-id";
    static final String MDC_KEY = "correlation_id";

    /** Only ids that are safe to echo into headers and logs are taken from the caller. */
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private CorrelationId() {
    }

    public static Optional<String> of(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, String.class);
    }

    /**
     * The caller's id when it is safe to echo, else the fallback (a platform request id), else a
     * new UUID. Public for the layers below the filters (a request the HTTP decoder or the Lambda
     * handler refuses) that answer by themselves.
     */
    public static String choose(String fromHeader, Optional<String> fallback) {
        if (fromHeader != null && SAFE.matcher(fromHeader).matches()) {
            return fromHeader;
        }
        return fallback.filter(id -> SAFE.matcher(id).matches()).orElseGet(() -> UUID.randomUUID().toString());
    }
}
