package dev.hauntedhelpdesk.lambda;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records every request that reaches the application, before any other filter (security
 * included) can refuse it, so a test sees from inside a handler's context which requests it was
 * sent, whoever sent them.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class RequestsSeen implements Ordered {

    private final List<String> seen = new CopyOnWriteArrayList<>();

    @RequestFilter
    void record(HttpRequest<?> request) {
        seen.add(request.getMethodName() + " " + request.getPath());
    }

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE;
    }

    /** The requests seen so far, as {@code METHOD path}, in order. */
    List<String> all() {
        return List.copyOf(seen);
    }
}
