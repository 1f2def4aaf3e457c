package dev.hauntedhelpdesk.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hauntedhelpdesk.contract.Api;
import dev.hauntedhelpdesk.contract.ApiRequest;
import dev.hauntedhelpdesk.contract.ApiResponse;
import dev.hauntedhelpdesk.contract.ServerUnderTest;
import dev.hauntedhelpdesk.testing.BackendProperties;
import dev.hauntedhelpdesk.testing.CognitoPool;
import dev.hauntedhelpdesk.testing.MotoServer;
import dev.hauntedhelpdesk.triage.TriageService;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The API function, started as Lambda starts it with the template's environment (a triage queue
 * configured), never builds the triage engine: every run, {@code /process} included, goes through
 * the queue on moto to the real triage function, which loads the model. Without a queue the API
 * function still runs triage itself.
 */
class ApiFunctionHandOffTest {

    @Test
    void withAQueue_theApiFunctionNeverBuildsTheEngine_andProcessAnswersWithTheTriageFunctionsResult() {
        CognitoPool pool = CognitoPool.shared();
        Map<String, Object> properties = BackendProperties.forApp(BackendProperties.uniqueTableName(),
                MotoServer.shared().endpoint(), pool);
        try (SqsEventSource queue = new SqsEventSource()) {
            queue.addTo(properties);
            queue.start(new HashMap<>(properties));
            HttpApiEventFunction function = LambdaRuntime.handler(properties, LambdaRuntime.TestV2Function::new);
            try (ServerUnderTest server = LambdaRuntime.v2(() -> function).start(properties)) {
                Api api = new Api(server, pool);
                ApiResponse created = api.as("alice", ApiRequest.of("POST", "/api/tickets").json(Api.ticketJson(
                        "VPN keeps dropping", "My VPN connection drops every few minutes at home", "high", null)));
                String id = created.json().get("ticket_id").asText();

                ApiResponse processed = api.as("alice", ApiRequest.of("POST", "/api/tickets/" + id + "/process"));
                ApiResponse health = api.as("carol", ApiRequest.of("GET", "/health"));

                JsonNode result = processed.json().path("workflow_result");
                assertAll(
                        () -> assertEquals(201, created.status(), created::toString),
                        () -> assertEquals(200, processed.status(), processed::toString),
                        () -> assertEquals("network", result.path("predicted_category").asText(), processed::toString),
                        () -> assertEquals("local", result.path("engine").asText()),
                        () -> assertEquals(0, engines(function), "triage engines the API function built"),
                        () -> assertFalse(function.getApplicationContext().containsBean(TriageService.class)),
                        () -> assertEquals(1, queue.handler().getApplicationContext()
                                .getBean(TriageEngineCreations.class).count(), "engines the triage function built"),
                        () -> assertEquals("queued", health.json().path("details").path("triage").path("details")
                                .path("llm").asText(), health::toString));
            }
        }
    }

    @Test
    void withoutAQueue_theApiFunctionRunsTriageItself() {
        Map<String, Object> properties = BackendProperties.forApp(BackendProperties.uniqueTableName());
        try (HttpApiEventFunction function = LambdaRuntime.handler(properties, LambdaRuntime.TestV2Function::new)) {
            assertEquals(1, engines(function));
        }
    }

    private static int engines(HttpApiEventFunction function) {
        return function.getApplicationContext().getBean(TriageEngineCreations.class).count();
    }
}
