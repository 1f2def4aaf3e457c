package dev.hauntedhelpdesk.lambda;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Lambda's limits on a synchronous invocation, which API Gateway's proxy integrations are: the
 * event JSON and the response JSON (a base64 body included) may each be at most 6 MB. And API
 * Gateway's own quota on a request's head, checked before anything else: an HTTP API takes at
 * most 10240 bytes of request line and header values together; a REST API (regional) at most
 * 10240 bytes of header names and values and a URL of at most 10240 characters.
 */
final class LambdaLimits {

    /** The limit as Lambda's own error names it ("maximum allowed payload size (6291556 bytes)"). */
    static final int MAX_PAYLOAD_BYTES = 6_291_556;

    private static final ObjectMapper JSON = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    /** API Gateway's quota on the request line and headers ("Total combined size ...": 10240 bytes). */
    static final int MAX_HEAD_BYTES = 10_240;

    private LambdaLimits() {
    }

    /**
     * Whether a request body of this many bytes cannot fit an event whatever else the event
     * holds: its base64 form alone is over the limit.
     */
    static boolean bodyTooLarge(long bodyBytes) {
        return 4 * ((bodyBytes + 2) / 3) > MAX_PAYLOAD_BYTES;
    }

    /** Whether an HTTP API refuses this request line and these headers for their combined size. */
    static boolean headTooLarge(String method, String target, Map<String, String> headers) {
        long size = bytes(method) + 1 + bytes(target) + " HTTP/1.1".length();
        for (Map.Entry<String, String> header : headers.entrySet()) {
            size += bytes(header.getKey()) + 2 + bytes(header.getValue());
        }
        return size > MAX_HEAD_BYTES;
    }

    /** Whether a REST API refuses these headers for their combined size. */
    static boolean headersTooLarge(Map<String, String> headers) {
        long size = 0;
        for (Map.Entry<String, String> header : headers.entrySet()) {
            size += bytes(header.getKey()) + bytes(header.getValue());
        }
        return size > MAX_HEAD_BYTES;
    }

    private static int bytes(String s) {
        return s == null ? 0 : s.getBytes(StandardCharsets.UTF_8).length;
    }

    /** Whether this event or response would be refused for its serialized size. */
    static boolean tooLarge(Object payload) {
        try {
            return JSON.writeValueAsBytes(payload).length > MAX_PAYLOAD_BYTES;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not serialize " + payload.getClass().getSimpleName(), e);
        }
    }
}
