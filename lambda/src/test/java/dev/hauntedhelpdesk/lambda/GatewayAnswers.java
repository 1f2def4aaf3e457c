package dev.hauntedhelpdesk.lambda;

import dev.hauntedhelpdesk.contract.ApiResponse;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

/** What API Gateway answers by itself, and how it turns an integration's body back into bytes. */
final class GatewayAnswers {

    private GatewayAnswers() {
    }

    /** API Gateway's own error: {@code {"message":"..."}} as JSON. */
    static ApiResponse message(int status, String message) {
        return message(status, message, Map.of());
    }

    static ApiResponse message(int status, String message, Map<String, String> extraHeaders) {
        Map<String, String> headers = new TreeMap<>(extraHeaders);
        headers.put("content-type", "application/json");
        return new ApiResponse(status, headers, ("{\"message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    /** The body bytes as API Gateway sends them on: decoded when the function base64-encoded them. */
    static byte[] body(String body, boolean base64) {
        if (body == null) {
            return new byte[0];
        }
        return base64 ? Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
    }
}
