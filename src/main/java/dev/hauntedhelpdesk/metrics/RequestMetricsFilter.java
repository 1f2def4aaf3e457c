package dev.hauntedhelpdesk.metrics;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.BasicHttpAttributes;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.UriRouteMatch;

/**
 * Times every request, in Netty as behind the Lambda proxy, by the route's URI template (never the
 * raw path: ticket ids would make a series per ticket), method and the status sent, error answers
 * included. A request no route matched counts as {@code unmatched}.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class RequestMetricsFilter implements Ordered {

    static final String UNMATCHED = "unmatched";
    private static final String STARTED = "helpdesk.metrics.started-nanos";

    private final Meters meters;

    RequestMetricsFilter(Meters meters) {
        this.meters = meters;
    }

    @Override
    public int getOrder() {
        // Outside everything else, so the time includes the other filters.
        return ServerFilterPhase.FIRST.before();
    }

    @RequestFilter
    void onRequest(HttpRequest<?> request) {
        request.setAttribute(STARTED, System.nanoTime());
    }

    @ResponseFilter
    void onResponse(HttpRequest<?> request, MutableHttpResponse<?> response) {
        long started = request.getAttribute(STARTED, Long.class).orElse(System.nanoTime());
        meters.request(route(request), request.getMethodName(), response.code(), System.nanoTime() - started);
    }

    static String route(HttpRequest<?> request) {
        return RouteAttributes.getRouteMatch(request)
                .filter(UriRouteMatch.class::isInstance)
                .map(m -> ((UriRouteMatch<?, ?>) m).getRouteInfo().getUriMatchTemplate().toPathString())
                .or(() -> BasicHttpAttributes.getUriTemplate(request))
                .orElse(UNMATCHED);
    }
}
