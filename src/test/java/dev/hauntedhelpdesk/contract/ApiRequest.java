package dev.hauntedhelpdesk.contract;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request as a client sends it, independent of the runtime that will answer it. {@code query}
 * holds each parameter's first value; {@code queryValues} every value in the order sent, for a
 * parameter given more than once.
 */
public record ApiRequest(String method, String path, Map<String, String> query, Map<String, String> headers,
                         byte[] body, Map<String, List<String>> queryValues) {

    public static ApiRequest of(String method, String path) {
        return new ApiRequest(method, path, new LinkedHashMap<>(), new LinkedHashMap<>(), null, new LinkedHashMap<>());
    }

    public ApiRequest header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public ApiRequest query(String name, String value) {
        query.put(name, value);
        queryValues.put(name, new ArrayList<>(List.of(value)));
        return this;
    }

    /** Adds one more value for {@code name}, sent as another {@code name=value} pair. */
    public ApiRequest addQuery(String name, String value) {
        query.putIfAbsent(name, value);
        queryValues.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        return this;
    }

    public ApiRequest json(String json) {
        return body("application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    /** The same request with this body and no {@code Content-Type}, as a careless client sends it. */
    public ApiRequest untypedBody(byte[] bytes) {
        return new ApiRequest(method, path, query, headers, bytes, queryValues);
    }

    public ApiRequest body(String contentType, byte[] bytes) {
        headers.put("Content-Type", contentType);
        return new ApiRequest(method, path, query, headers, bytes, queryValues);
    }

    /** The path with its query string, percent-encoded, every value of a repeated parameter included. */
    public String pathWithQuery() {
        if (queryValues.isEmpty()) {
            return path;
        }
        StringBuilder sb = new StringBuilder(path).append('?');
        queryValues.forEach((k, values) -> values.forEach(v -> sb.append(enc(k)).append('=').append(enc(v)).append('&')));
        return sb.substring(0, sb.length() - 1);
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
