package dev.hauntedhelpdesk.web;

import dev.hauntedhelpdesk.problem.ProblemType;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the HTTP layer refuses before any route, filter or controller sees the request: a request
 * line longer than {@code micronaut.server.netty.max-initial-line-length} (414), header fields
 * larger together than {@code micronaut.server.netty.max-header-size} (431), a header name that is
 * not a token or a value with a control character (400, RFC 9110 5.1 and 5.5). Netty refuses
 * these while decoding; the Lambda handlers apply the same rules to an API Gateway event, so both
 * runtimes answer the same problem. The answer is built here because no filter runs for such a
 * request: the correlation id is chosen by the caller of {@link #problem}.
 */
public final class RequestHead {

    /** A refused request head: the problem type and what to tell the client. */
    public record Refusal(ProblemType type, String detail) {
    }

    private RequestHead() {
    }

    public static Refusal uriTooLong(int maxRequestLine) {
        return new Refusal(ProblemType.URI_TOO_LONG,
                "The request line (method, path and query) may be at most " + maxRequestLine + " bytes");
    }

    public static Refusal headersTooLarge(int maxHeaderBytes) {
        return new Refusal(ProblemType.REQUEST_HEADER_FIELDS_TOO_LARGE,
                "The request's header fields may be at most " + maxHeaderBytes + " bytes together");
    }

    public static Refusal invalidHeader() {
        return new Refusal(ProblemType.BAD_REQUEST,
                "A header field's name is not a token or its value holds a control character (RFC 9110 5.5)");
    }

    /**
     * Checks a request head as Netty's decoder does: the request line as {@code METHOD target
     * HTTP/1.1}, the header fields as {@code name: value} lines without their line ends.
     *
     * @param method the request method
     * @param target the path with its query string, as sent
     * @param headers every header value by name
     * @param maxRequestLine the longest request line allowed, in bytes
     * @param maxHeaderBytes the most header bytes allowed
     * @return why the head is refused, or empty when it is acceptable
     */
    public static Optional<Refusal> check(String method, String target, Map<String, List<String>> headers,
                                          int maxRequestLine, int maxHeaderBytes) {
        if (utf8Length(method) + 1 + utf8Length(target) + " HTTP/1.1".length() > maxRequestLine) {
            return Optional.of(uriTooLong(maxRequestLine));
        }
        long size = 0;
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            if (!isToken(header.getKey())) {
                return Optional.of(invalidHeader());
            }
            for (String value : header.getValue()) {
                if (value != null && !isFieldValue(value)) {
                    return Optional.of(invalidHeader());
                }
                size += utf8Length(header.getKey()) + 2 + (value == null ? 0 : utf8Length(value));
            }
        }
        if (size > maxHeaderBytes) {
            return Optional.of(headersTooLarge(maxHeaderBytes));
        }
        return Optional.empty();
    }

    /**
     * A header value without the optional whitespace around it, as an HTTP/1.1 parser reads it
     * (RFC 9112 5.1); what the Lambda handlers hand on, since the proxy refuses a value that
     * starts with a space.
     */
    public static String trimOws(String value) {
        if (value == null) {
            return null;
        }
        int start = 0;
        int end = value.length();
        while (start < end && (value.charAt(start) == ' ' || value.charAt(start) == '\t')) {
            start++;
        }
        while (end > start && (value.charAt(end - 1) == ' ' || value.charAt(end - 1) == '\t')) {
            end--;
        }
        return value.substring(start, end);
    }

    /** The problem body for a refused head. */
    public static Problem problem(Refusal refusal, String path, String correlationId) {
        return new Problem(refusal.type().uri(), refusal.type().title(), refusal.type().status(), refusal.detail(),
                path, correlationId, List.of());
    }

    private static boolean isToken(String name) {
        if (name == null || name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean tchar = c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
                    || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
            if (!tchar) {
                return false;
            }
        }
        return true;
    }

    /** RFC 9110 field-value: visible characters, spaces, tabs and obs-text; no other control character. */
    private static boolean isFieldValue(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 && c != '\t' || c == 0x7F) {
                return false;
            }
        }
        return true;
    }

    private static int utf8Length(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }
}
