package dev.hauntedhelpdesk.lambda;

import dev.hauntedhelpdesk.contract.ApiResponse;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An HTTP API's {@code CorsConfiguration} as API Gateway applies it: it answers preflight requests
 * itself (no integration runs), and on every other answer it drops the integration's CORS
 * headers and sets its own for an allowed origin.
 */
record GatewayCors(List<String> allowOrigins, List<String> allowMethods, List<String> allowHeaders,
                   List<String> exposeHeaders, Integer maxAge, boolean allowCredentials) {

    /** A preflight: OPTIONS with an Origin and the method the page wants to send. */
    static boolean isPreflight(String method, Map<String, String> lowerCaseHeaders) {
        return method.equalsIgnoreCase("OPTIONS") && lowerCaseHeaders.containsKey("origin")
                && lowerCaseHeaders.containsKey("access-control-request-method");
    }

    /** API Gateway's own answer to a preflight: 204, with CORS headers only for an allowed origin. */
    ApiResponse preflight(String origin) {
        Map<String, String> headers = new TreeMap<>();
        allowedOrigin(origin).ifPresent(allowed -> {
            headers.put("access-control-allow-origin", allowed);
            headers.put("access-control-allow-methods", String.join(",", allowMethods));
            if (!allowHeaders.isEmpty()) {
                headers.put("access-control-allow-headers", String.join(",", allowHeaders));
            }
            if (maxAge != null) {
                headers.put("access-control-max-age", Integer.toString(maxAge));
            }
            if (allowCredentials) {
                headers.put("access-control-allow-credentials", "true");
            }
        });
        return new ApiResponse(204, headers, new byte[0]);
    }

    /** The integration's headers with its CORS headers replaced by the configured ones. */
    Map<String, String> decorate(String origin, Map<String, String> integrationHeaders) {
        Map<String, String> headers = new TreeMap<>();
        integrationHeaders.forEach((name, value) -> {
            if (!name.toLowerCase(Locale.ROOT).startsWith("access-control-")) {
                headers.put(name, value);
            }
        });
        allowedOrigin(origin).ifPresent(allowed -> {
            headers.put("access-control-allow-origin", allowed);
            if (!exposeHeaders.isEmpty()) {
                headers.put("access-control-expose-headers", String.join(",", exposeHeaders));
            }
            if (allowCredentials) {
                headers.put("access-control-allow-credentials", "true");
            }
        });
        return headers;
    }

    private Optional<String> allowedOrigin(String origin) {
        if (origin == null) {
            return Optional.empty();
        }
        if (allowOrigins.contains("*")) {
            return Optional.of("*");
        }
        return allowOrigins.stream().filter(o -> o.equalsIgnoreCase(origin)).findFirst().map(o -> origin);
    }
}
