package dev.hauntedhelpdesk.web;

import dev.hauntedhelpdesk.problem.ProblemType;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.web.router.RouteAttributes;

import java.util.List;
import java.util.Optional;

/**
 * A body sent to a JSON endpoint must say it is JSON in UTF-8. The router refuses a wrong media
 * type by itself but takes a body with no {@code Content-Type} at all as JSON, and nothing checks
 * the charset parameter; both are refused here with 415 before the body is read. Runs after the
 * security filter, so a caller without a token still learns that first.
 */
@ServerFilter("/api/**")
class JsonContentTypeFilter implements Ordered {

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }

    @RequestFilter
    @Nullable
    HttpResponse<Problem> onRequest(HttpRequest<?> request) {
        boolean takesJson = RouteAttributes.getRouteInfo(request)
                .map(route -> route.getConsumes().contains(MediaType.APPLICATION_JSON_TYPE))
                .orElse(false);
        if (!takesJson || !carriesBody(request)) {
            return null;
        }
        Optional<MediaType> type = request.getContentType();
        if (type.isEmpty()) {
            return refuse(request, "The request body has no Content-Type; send it as application/json");
        }
        String charset = type.get().getParameters().get(MediaType.CHARSET_PARAMETER).orElse(null);
        if (charset != null && !charset.replace("\"", "").strip().equalsIgnoreCase("utf-8")) {
            return refuse(request, "JSON is accepted in UTF-8 only (charset=utf-8, or no charset)");
        }
        return null;
    }

    private static boolean carriesBody(HttpRequest<?> request) {
        return request.getContentLength() > 0 || request.getHeaders().contains(HttpHeaders.TRANSFER_ENCODING);
    }

    private static HttpResponse<Problem> refuse(HttpRequest<?> request, String detail) {
        return Problems.response(request, ProblemType.UNSUPPORTED_MEDIA_TYPE, detail, List.of());
    }
}
