package dev.hauntedhelpdesk.contract;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The comparison of served routes and documented operations, on routes made up for it. */
class RouteDriftTest {

    private static final List<OpenApiDocument.Operation> DOCUMENTED = List.of(
            operation("GET", "/api/tickets/{ticket_id}"),
            operation("GET", "/health/liveness"),
            operation("POST", "/api/tickets"));

    private static OpenApiDocument.Operation operation(String method, String path) {
        return new OpenApiDocument.Operation(method, path, "summary", Map.of("200", Set.of()), false, Optional.empty());
    }

    private static RouteDrift.Route route(String method, String template) {
        return new RouteDrift.Route(method, template);
    }

    @Test
    void routesMatchingTheDocument_differInNothing() {
        List<RouteDrift.Route> served = List.of(route("GET", "/api/tickets/{ticketId}"),
                route("HEAD", "/api/tickets/{ticketId}"), route("GET", "/health/{selector}"),
                route("POST", "/api/tickets"));

        assertEquals(List.of(), RouteDrift.differences(served, DOCUMENTED, List.of()));
    }

    @Test
    void anUndocumentedRoute_isNamed() {
        List<RouteDrift.Route> served = List.of(route("GET", "/api/tickets/{ticketId}"),
                route("GET", "/health/{selector}"), route("POST", "/api/tickets"), route("DELETE", "/api/tickets"));

        assertEquals(List.of("DELETE /api/tickets is served but not documented"),
                RouteDrift.differences(served, DOCUMENTED, List.of()));
    }

    @Test
    void aDocumentedOperationNoRouteServes_isNamed_andAnotherMethodDoesNotServeIt() {
        List<RouteDrift.Route> served = List.of(route("GET", "/api/tickets/{ticketId}"),
                route("GET", "/health/{selector}"), route("PUT", "/api/tickets"));

        assertEquals(List.of("PUT /api/tickets is served but not documented",
                        "POST /api/tickets is documented but not served"),
                RouteDrift.differences(served, DOCUMENTED, List.of()));
    }

    @Test
    void aHeadRoute_needsItsGetDocumented() {
        assertEquals(List.of("HEAD /api/other is served but not documented"),
                RouteDrift.differences(List.of(route("HEAD", "/api/other")), List.of(), List.of()));
    }

    @Test
    void onlyTheNamedPrefixes_areLeftOut() {
        List<RouteDrift.Route> served = List.of(route("GET", "/dev/tokens"), route("GET", "/devices"));

        assertEquals(List.of("GET /devices is served but not documented"),
                RouteDrift.differences(served, List.of(), List.of("/dev/")));
    }

    @Test
    void anOperationNobodyDescribed_isNamed() {
        OpenApiDocument.Operation listedOnly = new OpenApiDocument.Operation("GET", "/api/other", null,
                Map.of("200", Set.of()), false, Optional.empty());

        assertEquals(List.of("GET /api/other is served but not documented (no summary: give it an @Operation)"),
                RouteDrift.differences(List.of(route("GET", "/api/other")), List.of(listedOnly), List.of()));
    }
}
