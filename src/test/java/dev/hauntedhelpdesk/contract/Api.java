package dev.hauntedhelpdesk.contract;

import dev.hauntedhelpdesk.testing.CognitoPool;

import java.util.Map;

/** Convenience calls against a {@link ServerUnderTest} as one of the pool's users. */
public final class Api {

    private final ServerUnderTest server;
    private final CognitoPool pool;

    public Api(ServerUnderTest server, CognitoPool pool) {
        this.server = server;
        this.pool = pool;
    }

    public ApiResponse send(ApiRequest request) {
        return server.send(request);
    }

    /** Sends {@code request} with {@code user}'s access token as a bearer token. */
    public ApiResponse as(String user, ApiRequest request) {
        return server.send(request.header("Authorization", "Bearer " + pool.accessToken(user)));
    }

    public ApiResponse create(String user, String title, String severity) {
        return as(user, ApiRequest.of("POST", "/api/tickets").json(ticketJson(title, "It is broken: " + title,
                severity, null)));
    }

    public static String ticketJson(String title, String description, String severity, String category) {
        StringBuilder sb = new StringBuilder("{");
        appendField(sb, "title", title);
        appendField(sb, "description", description);
        appendField(sb, "severity", severity);
        appendField(sb, "category", category);
        if (sb.length() > 1) {
            sb.setLength(sb.length() - 1);
        }
        return sb.append('}').toString();
    }

    public static String patchJson(Map<String, String> fields) {
        StringBuilder sb = new StringBuilder("{");
        fields.forEach((k, v) -> appendField(sb, k, v));
        if (sb.length() > 1) {
            sb.setLength(sb.length() - 1);
        }
        return sb.append('}').toString();
    }

    private static void appendField(StringBuilder sb, String name, String value) {
        if (value != null) {
            sb.append('"').append(name).append("\":\"").append(value.replace("\\", "\\\\").replace("\"", "\\\""))
                    .append("\",");
        }
    }
}
