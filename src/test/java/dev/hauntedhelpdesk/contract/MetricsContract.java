package dev.hauntedhelpdesk.contract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hauntedhelpdesk.testing.BackendProperties;
import dev.hauntedhelpdesk.testing.CognitoPool;
import dev.hauntedhelpdesk.testing.MotoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The meters, written once and read back from each runtime's own output: the container's
 * Prometheus scrape, the Lambda functions' embedded metric format lines. After a ticket is
 * created, read, missed (404), triaged at once and triaged out of band, every meter is there
 * with the same name and tags in every runtime: requests by route template, method and status;
 * triage runs by {@code terminated_by}, engine and outcome; model calls and tokens; SDK calls
 * by service, operation and outcome; dispatches.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class MetricsContract {

    protected ServerUnderTest server;
    protected Api api;
    private String ticketId;
    private JsonNode run;

    protected abstract RuntimeUnderTest runtime();

    /** Adds what the runtime needs to dispatch triage out of band (Lambda: a queue and its consumer). */
    protected Map<String, Object> withTriageQueue(Map<String, Object> properties) {
        return properties;
    }

    /** Stops whatever {@link #withTriageQueue} started. */
    protected void stopTriageQueue() {
    }

    /** Every series the runtime has published so far, read from its own output format. */
    protected abstract List<MeterSample> published();

    @BeforeAll
    void start() throws InterruptedException {
        Map<String, Object> properties = BackendProperties.forApp(BackendProperties.uniqueTableName(),
                MotoServer.shared().endpoint(), CognitoPool.shared());
        properties.put("helpdesk.execution-timeout", "20");
        properties.put("helpdesk.triage.step-timeout", "10");
        server = runtime().start(withTriageQueue(properties));
        api = new Api(server, CognitoPool.shared());

        ApiResponse created = api.as("alice", ApiRequest.of("POST", "/api/tickets")
                .json(Api.ticketJson("VPN keeps dropping", "My VPN connection drops every few minutes", "high", null)));
        assertEquals(201, created.status(), created::toString);
        ticketId = created.json().get("ticket_id").asText();
        assertEquals(200, api.as("alice", ApiRequest.of("GET", "/api/tickets/" + ticketId)).status());
        assertEquals(404, api.as("alice", ApiRequest.of("GET", "/api/tickets/" + UUID.randomUUID())).status());
        ApiResponse processed = api.as("alice", ApiRequest.of("POST", "/api/tickets/" + ticketId + "/process"));
        assertEquals(200, processed.status(), processed::toString);
        run = processed.json().get("workflow_result");

        ApiResponse second = api.as("alice", ApiRequest.of("POST", "/api/tickets")
                .json(Api.ticketJson("Printer jam", "The printer on floor 2 jams on every page", "low", null)));
        assertEquals(201, second.status(), second::toString);
        ApiResponse accepted = api.as("alice", ApiRequest.of("POST", "/api/tickets/"
                + second.json().get("ticket_id").asText() + "/process").header("Prefer", "respond-async"));
        assertEquals(202, accepted.status(), accepted::toString);
        // The queued run ends on another thread (or function): wait until its meters are out.
        await(samples -> count(samples, "helpdesk.triage.runs", Map.of()) >= 2);
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
        stopTriageQueue();
    }

    @Test
    void requests_areCountedByRouteTemplateMethodAndStatus_errorsIncluded() {
        List<MeterSample> samples = published();
        assertAll(
                () -> assertTrue(count(samples, "http.server.requests",
                        Map.of("route", "/api/tickets", "method", "POST", "status", "201")) >= 2, () -> dump(samples)),
                () -> assertTrue(count(samples, "http.server.requests",
                        Map.of("route", "/api/tickets/{ticketId}", "method", "GET", "status", "200")) >= 1,
                        () -> dump(samples)),
                () -> assertTrue(count(samples, "http.server.requests",
                        Map.of("route", "/api/tickets/{ticketId}", "method", "GET", "status", "404")) >= 1,
                        () -> dump(samples)),
                () -> assertTrue(count(samples, "http.server.requests",
                        Map.of("route", "/api/tickets/{ticketId}/process", "method", "POST", "status", "202")) >= 1,
                        () -> dump(samples)));
    }

    @Test
    void requestRoutes_neverCarryARawPath() {
        published().stream().filter(s -> s.name().equals("http.server.requests")).forEach(s ->
                assertTrue(!s.tags().get("route").contains(ticketId), s::toString));
    }

    @Test
    void triageRuns_areCountedByTerminatedByEngineAndOutcome() {
        List<MeterSample> samples = published();
        Map<String, String> tags = Map.of("terminated_by", run.get("terminated_by").asText(),
                "engine", run.get("engine").asText(), "outcome", run.get("status").asText());
        assertTrue(count(samples, "helpdesk.triage.runs", tags) >= 1, () -> tags + " in " + dump(samples));
        assertEquals(2.0, count(samples, "helpdesk.triage.runs", Map.of("engine", "local")), () -> dump(samples));
    }

    @Test
    void modelCallsAndTokens_areCountedByEngineAndDirection() {
        List<MeterSample> samples = published();
        long calls = run.get("token_usage").get("model_calls").asLong();
        assertAll(
                () -> assertTrue(count(samples, "helpdesk.model.calls", Map.of("engine", "local")) >= calls,
                        () -> dump(samples)),
                () -> assertTrue(samples.stream().anyMatch(s -> s.name().equals("helpdesk.model.tokens")
                        && s.has(Map.of("engine", "local", "direction", "input"))), () -> dump(samples)),
                () -> assertTrue(samples.stream().anyMatch(s -> s.name().equals("helpdesk.model.tokens")
                        && s.has(Map.of("engine", "local", "direction", "output"))), () -> dump(samples)));
    }

    @Test
    void sdkCalls_areTimedByServiceOperationAndOutcome() {
        List<MeterSample> samples = published();
        assertAll(
                () -> assertTrue(count(samples, "aws.sdk.calls",
                        Map.of("service", "DynamoDb", "operation", "PutItem", "outcome", "ok")) >= 1,
                        () -> dump(samples)),
                () -> assertTrue(count(samples, "aws.sdk.calls",
                        Map.of("service", "DynamoDb", "operation", "GetItem", "outcome", "ok")) >= 1,
                        () -> dump(samples)));
    }

    @Test
    void dispatches_areCountedByReasonAndOutcome() {
        List<MeterSample> samples = published();
        // Both runs were handed to the runtime's dispatcher: the plain /process, which waits for
        // its result, and the respond-async one.
        assertEquals(2.0, count(samples, "helpdesk.triage.dispatches", Map.of("reason", "requested",
                "outcome", "queued")), () -> dump(samples));
    }

    protected static double count(List<MeterSample> samples, String name, Map<String, String> tags) {
        return samples.stream().filter(s -> s.name().equals(name) && s.has(tags)).mapToDouble(MeterSample::count).sum();
    }

    private void await(Predicate<List<MeterSample>> done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        List<MeterSample> samples = published();
        while (!done.test(samples)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the meters did not show the queued run within 60 s: " + dump(samples));
            }
            Thread.sleep(200);
            samples = published();
        }
    }

    protected static String dump(List<MeterSample> samples) {
        StringBuilder text = new StringBuilder();
        samples.forEach(s -> text.append('\n').append(s));
        return text.toString();
    }
}
