package dev.hauntedhelpdesk.web;

import dev.hauntedhelpdesk.problem.InvalidParameterException;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * Every query parameter is given at most once. Runtimes disagree about repeats: Netty hands a
 * controller every value, API Gateway's REST API keeps the last in one field and all in another,
 * and its HTTP API joins them with commas into one value, which the Lambda proxy splits again. So
 * a repeat is refused as 400 {@code invalid-parameter} naming it, and so is a comma in a value,
 * which through an HTTP API cannot be told from a repeat (no parameter of this API can contain
 * one). Only the query string is read, never a form body. Runs after security, so an anonymous
 * caller gets 401 first, as behind a gateway authorizer.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class QueryParameterFilter implements Ordered {

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }

    @RequestFilter
    void onRequest(HttpRequest<?> request) {
        String query = request.getUri().getRawQuery();
        if (query == null || query.isEmpty()) {
            return;
        }
        Set<String> seen = new HashSet<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            if (!seen.add(name) || value.contains(",")) {
                throw new InvalidParameterException(name + ": give it once, with no comma in its value"
                        + " (API Gateway passes a repeated parameter as one comma-joined value)");
            }
        }
    }

    private static String decode(String part) {
        try {
            return URLDecoder.decode(part, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            // Left as sent; the route's own binding reports a value it cannot read.
            return part;
        }
    }
}
