package dev.hauntedhelpdesk.lambda;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Route selection as API Gateway documents it: most specific path first, then the route's own method. */
class HttpApiRouteTest {

    private static final HttpApiRoute PROXY = new HttpApiRoute("ANY", "/{proxy+}", Optional.of("Jwt"));
    private static final HttpApiRoute PREFLIGHT = new HttpApiRoute("OPTIONS", "/{proxy+}", Optional.empty());
    private static final HttpApiRoute HEALTH = new HttpApiRoute("GET", "/health", Optional.empty());
    private static final HttpApiRoute CHECK = new HttpApiRoute("GET", "/health/{check}", Optional.empty());

    private static HttpApiDefinition api(HttpApiRoute... routes) {
        return new HttpApiDefinition(List.of(routes), Map.of(), Optional.empty());
    }

    @Test
    void literalPath_beatsAPathVariable_whichBeatsAGreedyOne() {
        HttpApiDefinition api = api(PROXY, HEALTH, CHECK);

        assertEquals(HEALTH, api.route("GET", "/health").orElseThrow().route());
        assertEquals(CHECK, api.route("GET", "/health/liveness").orElseThrow().route());
        assertEquals(Map.of("check", "liveness"), api.route("GET", "/health/liveness").orElseThrow().pathParameters());
        assertEquals(PROXY, api.route("GET", "/health/liveness/extra").orElseThrow().route());
        assertEquals(Map.of("proxy", "api/tickets/42/attachments"),
                api.route("POST", "/api/tickets/42/attachments").orElseThrow().pathParameters());
    }

    @Test
    void aRoutesOwnMethod_beatsAny_andOtherMethodsFallToAny() {
        HttpApiDefinition api = api(PROXY, PREFLIGHT, HEALTH);

        assertEquals(PREFLIGHT, api.route("OPTIONS", "/api/tickets").orElseThrow().route());
        assertEquals(PROXY, api.route("PATCH", "/api/tickets/1").orElseThrow().route());
        assertEquals(PROXY, api.route("HEAD", "/health").orElseThrow().route());
    }

    @Test
    void withoutAPreflightRoute_aPreflightMeetsTheAuthorizerOfAny() {
        assertEquals(Optional.of("Jwt"), api(PROXY).route("OPTIONS", "/api/tickets").orElseThrow().route().authorizer());
    }

    @Test
    void aGreedyVariable_needsAtLeastOneSegment() {
        assertTrue(api(PROXY).route("GET", "/").isEmpty());
        assertTrue(api(HEALTH).route("GET", "/healthz").isEmpty());
    }
}
