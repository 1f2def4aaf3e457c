package dev.hauntedhelpdesk.contract;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A request as a client sends it, independent of the runtime that will answer it. */
public record ApiRequest(String method, String path, Map<String, String> query, Map<String, String> headers,
                         byte[] body) {

    public static ApiRequest of(String method, String path) {
        return new ApiRequest(method, path, new LinkedHashMap<>(), new LinkedHashMap<>(), null);
    }

    public ApiRequest header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public ApiRequest query(String name, String value) {
        query.put(name, value);
        return this;
    }

    public ApiRequest json(String json) {
        return body("application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    public ApiRequest body(String contentType, byte[] bytes) {
        headers.put("Content-Type", contentType);
        return new ApiRequest(method, path, query, headers, bytes);
    }

    /** The path with its query string, percent-encoded. */
    public String pathWithQuery() {
        if (query.isEmpty()) {
            return path;
        }
        StringBuilder sb = new StringBuilder(path).append('?');
        query.forEach((k, v) -> sb.append(enc(k)).append('=').append(enc(v)).append('&'));
        return sb.substring(0, sb.length() - 1);
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
