package dev.hauntedhelpdesk.lambda;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Lambda's limits on a synchronous invocation, which API Gateway's proxy integrations are: the
 * event JSON and the response JSON (a base64 body included) may each be at most 6 MB.
 */
final class LambdaLimits {

    /** The limit as Lambda's own error names it ("maximum allowed payload size (6291556 bytes)"). */
    static final int MAX_PAYLOAD_BYTES = 6_291_556;

    private static final ObjectMapper JSON = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private LambdaLimits() {
    }

    /**
     * Whether a request body of this many bytes cannot fit an event whatever else the event
     * holds: its base64 form alone is over the limit.
     */
    static boolean bodyTooLarge(long bodyBytes) {
        return 4 * ((bodyBytes + 2) / 3) > MAX_PAYLOAD_BYTES;
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
