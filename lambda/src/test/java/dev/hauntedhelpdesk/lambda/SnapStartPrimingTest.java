package dev.hauntedhelpdesk.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.hauntedhelpdesk.contract.Api;
import dev.hauntedhelpdesk.contract.ApiRequest;
import dev.hauntedhelpdesk.contract.ApiResponse;
import dev.hauntedhelpdesk.contract.ServerUnderTest;
import dev.hauntedhelpdesk.lambda.snapstart.SnapStartPriming;
import dev.hauntedhelpdesk.metrics.Meters;
import dev.hauntedhelpdesk.testing.BackendProperties;
import dev.hauntedhelpdesk.testing.CognitoPool;
import dev.hauntedhelpdesk.testing.MotoServer;
import io.micronaut.function.aws.proxy.MockLambdaContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.MDC;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SnapStart priming of the API functions, driven as Lambda drives it ({@code beforeCheckpoint},
 * then {@code afterRestore}) since no SnapStart runs here: the read-only requests reach the
 * application behind the very handler Lambda invokes, nothing is written, a failing step does not
 * fail the checkpoint, and the function answers real requests afterwards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SnapStartPrimingTest {

    private static final String ABSENT = "00000000-0000-4000-8000-000000000000";
    /** What both API handlers are sent, as the application sees it. */
    private static final List<String> PRIMED_REQUESTS = List.of("GET /health/liveness", "GET /openapi.yml",
            "GET /api/tickets/" + ABSENT, "GET /api/tickets/" + ABSENT);
    private static final Map<String, String> PRIMED_RESULTS = primedResults();

    private String table;
    private final AtomicReference<HttpApiEventFunction> handler = new AtomicReference<>();
    private ServerUnderTest api;

    @BeforeAll
    void start() {
        table = BackendProperties.uniqueTableName();
        // The template's HTTP API in front of the handler, which is kept so priming can be driven.
        api = LambdaRuntime.v2(() -> {
            LambdaRuntime.TestV2Function function = new LambdaRuntime.TestV2Function();
            handler.set(function);
            return function;
        }).start(BackendProperties.forApp(table));
    }

    @AfterAll
    void stop() {
        if (api != null) {
            api.close();
        }
    }

    @Test
    void httpApiPriming_sendsReadOnlyRequestsThroughTheFunctionsOwnHandler_writesNothing_andTheFunctionStillAnswers() {
        Api client = new Api(api, CognitoPool.shared());
        ApiResponse created = client.create("alice", "Printer jams on the second floor", "low");
        assertEquals(201, created.status(), created::toString);
        String id = created.json().get("ticket_id").asText();
        int items = itemCount(table);
        RequestsSeen seen = handler.get().getApplicationContext().getBean(RequestsSeen.class);
        int before = seen.all().size();

        handler.get().priming().beforeCheckpoint(null);
        handler.get().priming().afterRestore(null);

        assertEquals(PRIMED_RESULTS, results(handler.get().priming()));
        assertEquals(PRIMED_REQUESTS, seen.all().subList(before, seen.all().size()),
                "the requests the function's application received while priming");
        assertEquals(items, itemCount(table), "items in the table after priming");
        assertTrue(handler.get().getApplicationContext().getBean(Meters.class).registry().getMeters().isEmpty(),
                "priming's meters are dropped, not left for the next invocation to write");
        ApiResponse read = client.as("alice", ApiRequest.of("GET", "/api/tickets/" + id));
        assertEquals(200, read.status(), read::toString);
        assertEquals(id, read.json().get("ticket_id").asText());
        assertEquals("true", MDC.get(InvocationMdc.COLD_START), "the first invocation after priming is the cold one");
    }

    @Test
    void restApiPriming_sendsTheSameRequestsThroughThePayload1Handler() {
        try (RestApiEventFunction function = LambdaRuntime.handler(BackendProperties.forApp(
                BackendProperties.uniqueTableName()), LambdaRuntime.TestV1Function::new)) {
            RequestsSeen seen = function.getApplicationContext().getBean(RequestsSeen.class);

            function.priming().beforeCheckpoint(null);
            function.priming().afterRestore(null);

            assertEquals(PRIMED_RESULTS, results(function.priming()));
            assertEquals(PRIMED_REQUESTS, seen.all());
            assertEquals(200, function.handleRequest(v1Liveness(), new MockLambdaContext()).getStatusCode());
        }
    }

    @Test
    void aFailingStep_isLoggedAndSkipped_theCheckpointGoesAhead_andTheFunctionStillAnswers() {
        // A table that does not exist: the store read fails as it would against an unreachable table.
        Map<String, Object> properties = BackendProperties.forApp(BackendProperties.uniqueTableName());
        properties.put("helpdesk.create-table", "false");
        try (HttpApiEventFunction function = LambdaRuntime.handler(properties, LambdaRuntime.TestV2Function::new)) {
            SnapStartPriming priming = function.priming();

            assertDoesNotThrow(() -> priming.beforeCheckpoint(null));
            assertDoesNotThrow(() -> priming.afterRestore(null));

            SnapStartPriming.Outcome read = priming.outcomes().stream()
                    .filter(o -> o.step().startsWith("GetItem")).findFirst().orElseThrow();
            assertFalse(read.succeeded(), read::toString);
            assertEquals("200", results(priming).get("GET /health/liveness"), "the steps after a failure run too");
            APIGatewayV2HTTPResponse live = function.handleRequest(LivenessEvents.get(Map.of("accept",
                    "application/json")), new MockLambdaContext());
            assertEquals(200, live.getStatusCode(), live.getBody());

            // A handler that throws on every request: still no exception out of the checkpoint.
            SnapStartPriming throwing = SnapStartPriming.forHttpApi((event, context) -> {
                throw new IllegalStateException("broken handler");
            }, function.getApplicationContext(), () -> { });
            assertDoesNotThrow(() -> throwing.beforeCheckpoint(null));
            assertTrue(throwing.outcomes().stream().filter(o -> o.step().startsWith("GET "))
                    .noneMatch(SnapStartPriming.Outcome::succeeded), throwing.outcomes()::toString);
        }
    }

    private static Map<String, String> primedResults() {
        Map<String, String> results = new LinkedHashMap<>();
        results.put("GET /health/liveness", "200");
        results.put("GET /openapi.yml", "200");
        results.put("GET /api/tickets/" + ABSENT, "401");
        results.put("GET /api/tickets/" + ABSENT + " (malformed bearer)", "401");
        results.put("GetItem " + ABSENT, "absent");
        // The API function hands triage to the queue only when one is configured; here it has the local engine.
        results.put("local triage engine", "classified software");
        return results;
    }

    private static Map<String, String> results(SnapStartPriming priming) {
        Map<String, String> results = new LinkedHashMap<>();
        priming.outcomes().forEach(o -> results.put(o.step(), o.succeeded() ? o.result() : "failed: " + o.result()));
        return results;
    }

    private static int itemCount(String table) {
        // A test may scan: it counts what priming could have written.
        return MotoServer.shared().dynamoDb().scan(b -> b.tableName(table)).count();
    }

    private static APIGatewayProxyRequestEvent v1Liveness() {
        return new APIGatewayProxyRequestEvent()
                .withResource("/{proxy+}").withPath("/health/liveness").withHttpMethod("GET")
                .withHeaders(Map.of("Accept", "application/json"))
                .withMultiValueHeaders(Map.of("Accept", List.of("application/json")))
                .withRequestContext(new APIGatewayProxyRequestEvent.ProxyRequestContext()
                        .withRequestId("after-restore").withHttpMethod("GET").withPath("/prod/health/liveness")
                        .withStage("prod")
                        .withIdentity(new APIGatewayProxyRequestEvent.RequestIdentity().withSourceIp("203.0.113.7")));
    }
}
