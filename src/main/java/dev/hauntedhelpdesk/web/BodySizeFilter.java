package dev.hauntedhelpdesk.web;

import dev.hauntedhelpdesk.problem.PayloadTooLargeException;
import dev.hauntedhelpdesk.request.JsonBodies;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

import java.util.List;

/**
 * Rejects JSON bodies over {@link #MAX_JSON_BYTES} with 413 before anything reads them. The check
 * lives here, not in the server's own limit, so the container and Lambda (whose proxy enforces no
 * limit) answer the same problem.
 */
@ServerFilter("/api/**")
class BodySizeFilter implements Ordered {

    private static final long MAX_JSON_BYTES = JsonBodies.MAX_BYTES;

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.after();
    }

    @RequestFilter
    @Nullable
    HttpResponse<Problem> onRequest(HttpRequest<?> request) {
        boolean json = request.getContentType().map(t -> t.getSubtype().endsWith("json")).orElse(false);
        if (json && request.getContentLength() > MAX_JSON_BYTES) {
            PayloadTooLargeException e = new PayloadTooLargeException(MAX_JSON_BYTES);
            return Problems.response(request, e.type(), e.getMessage(), List.of());
        }
        return null;
    }
}
