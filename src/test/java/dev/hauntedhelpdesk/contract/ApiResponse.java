package dev.hauntedhelpdesk.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A response as the client sees it; header names are case-insensitive. {@code bytes} is the body
 * exactly as received (binary downloads), {@link #body()} the same read as UTF-8 text.
 */
public record ApiResponse(int status, Map<String, String> headers, byte[] bytes) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public ApiResponse {
        Map<String, String> lower = new TreeMap<>();
        headers.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
        headers = lower;
        bytes = bytes == null ? new byte[0] : bytes;
    }

    public String body() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    public JsonNode json() {
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("Not JSON (status " + status + "): " + body(), e);
        }
    }

    @Override
    public String toString() {
        return status + " " + headers + " " + body();
    }
}
