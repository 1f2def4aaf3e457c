package dev.hauntedhelpdesk.bench.plain;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark's floor: {@code GET /api/tickets/{id}} written by hand for an HTTP API (payload
 * 2.0), with no framework. It does what the project's function does for this route: checks the
 * Cognito access token's signature against the pool's key set and its claims, reads the ticket
 * with one consistent GetItem on the project's table, hides another requester's ticket as 404 and
 * answers the ticket's JSON with its ETag. It reads the project's own variables (src/README.md,
 * "Configuration"), so both take the same environment.
 */
public final class GetTicketHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    /** A ticket id has one shape (the project's TicketIds); any other names no ticket. */
    private static final Pattern ROUTE = Pattern.compile(
            "/api/tickets/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})");

    // Built while the runtime loads the handler, i.e. during Lambda's init, like the project's context.
    private final AccessTokens tokens = AccessTokens.fromEnvironment();
    private final Tickets tickets = Tickets.fromEnvironment();

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        Matcher route = ROUTE.matcher(event.getRawPath() == null ? "" : event.getRawPath());
        if (!"GET".equals(event.getRequestContext().getHttp().getMethod()) || !route.matches()) {
            return problem(404, "not-found", "Not Found");
        }
        Caller caller = tokens.verify(header(event, "authorization"));
        if (caller == null) {
            return problem(401, "unauthorized", "Unauthorized");
        }
        Tickets.Found ticket = tickets.get(route.group(1));
        if (ticket == null || !caller.maySee(ticket.requester())) {
            return problem(404, "not-found", "Not Found");
        }
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(200)
                .withHeaders(Map.of("Content-Type", "application/json", "ETag", "\"" + ticket.version() + "\""))
                .withBody(ticket.json())
                .withIsBase64Encoded(false)
                .build();
    }

    private static String header(APIGatewayV2HTTPEvent event, String name) {
        if (event.getHeaders() == null) {
            return null;
        }
        for (Map.Entry<String, String> header : event.getHeaders().entrySet()) {
            if (header.getKey().equalsIgnoreCase(name)) {
                return header.getValue();
            }
        }
        return null;
    }

    private static APIGatewayV2HTTPResponse problem(int status, String type, String title) {
        String body = Json.write(Map.of(
                "type", "https://haunted-helpdesk.dev/problems/" + type, "title", title, "status", status));
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(status)
                .withHeaders(Map.of("Content-Type", "application/problem+json"))
                .withBody(body)
                .withIsBase64Encoded(false)
                .build();
    }
}
