package dev.hauntedhelpdesk.contract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hauntedhelpdesk.testing.BackendProperties;
import dev.hauntedhelpdesk.testing.CognitoPool;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code /health} on the Bedrock engine tells what a real probe of the model found, and when:
 * {@code not-probed} until one has run, then {@code available} or {@code degraded} with the
 * probe's time and reason. A health check never waits for the model, and however often it is
 * asked (readiness included: it carries every indicator but liveness ones), the model is probed
 * at most once a minute; liveness never probes. The model is a local Converse endpoint.
 */
public abstract class LlmHealthContract {

    private static final Duration PROBE_WAIT = Duration.ofSeconds(15);

    protected abstract RuntimeUnderTest runtime();

    @Test
    void llmHealth_saysNotProbed_untilAProbeHasRun_thenAvailable_withTheProbesTime() throws InterruptedException {
        try (ConverseRecorder model = new ConverseRecorder(); ServerUnderTest server = start(model)) {
            Api api = new Api(server, CognitoPool.shared());
            Instant before = Instant.now();

            JsonNode first = llm(api);
            JsonNode probed = awaitProbe(api);

            assertEquals("not-probed", first.path("llm").asText(), first::toString);
            assertEquals("available", probed.path("llm").asText(), probed::toString);
            assertEquals("probe", probed.path("checked_by").asText(), probed::toString);
            assertFalse(Instant.parse(probed.path("checked_at").asText()).isBefore(before.minusSeconds(1)),
                    probed::toString);
            assertEquals(1, model.bodies().size(), model.bodies()::toString);
            assertTrue(model.bodies().get(0).contains("\"maxTokens\":1"), model.bodies().get(0));
        }
    }

    @Test
    void llmHealth_isDegradedWithTheReason_whenTheModelAnswersErrors_whileTheServiceStaysUpAndReady()
            throws InterruptedException {
        try (ConverseRecorder model = new ConverseRecorder().failWith(403, "AccessDeniedException");
             ServerUnderTest server = start(model)) {
            Api api = new Api(server, CognitoPool.shared());

            JsonNode first = llm(api);
            JsonNode probed = awaitProbe(api);

            assertEquals("not-probed", first.path("llm").asText(), first::toString);
            assertEquals("degraded", probed.path("llm").asText(), probed::toString);
            assertTrue(probed.path("detail").asText().contains("AccessDeniedException"), probed::toString);
            ApiResponse health = api.as("carol", ApiRequest.of("GET", "/health"));
            assertEquals(200, health.status(), health::toString);
            assertEquals("UP", health.json().path("details").path("triage").path("status").asText(), health::toString);
            ApiResponse ready = api.send(ApiRequest.of("GET", "/health/readiness"));
            assertEquals(200, ready.status(), ready::toString);
        }
    }

    @Test
    void llmHealth_probesTheModelAtMostOnce_howeverOftenHealthIsAsked() throws InterruptedException {
        try (ConverseRecorder model = new ConverseRecorder(); ServerUnderTest server = start(model)) {
            Api api = new Api(server, CognitoPool.shared());
            awaitProbe(api);

            for (int i = 0; i < 20; i++) {
                assertEquals("available", llm(api).path("llm").asText());
                api.send(ApiRequest.of("GET", "/health"));
                api.send(ApiRequest.of("GET", "/health/readiness"));
            }

            assertEquals(1, model.bodies().size(), model.bodies()::toString);
        }
    }

    @Test
    void liveness_neverProbesTheModel() throws InterruptedException {
        try (ConverseRecorder model = new ConverseRecorder(); ServerUnderTest server = start(model)) {
            Api api = new Api(server, CognitoPool.shared());
            for (String path : List.of("/health/liveness", "/health/live")) {
                ApiResponse response = api.as("carol", ApiRequest.of("GET", path));
                assertEquals(200, response.status(), path + " " + response);
                assertTrue(response.json().path("details").path("triage").isMissingNode(), path + " " + response);
            }
            Thread.sleep(500);

            assertEquals(0, model.bodies().size(), model.bodies()::toString);
        }
    }

    @Test
    void llmHealth_reportsTheLastProbesRoundTrip() throws InterruptedException {
        try (ConverseRecorder model = new ConverseRecorder().delay(Duration.ofMillis(300));
             ServerUnderTest server = start(model)) {
            Api api = new Api(server, CognitoPool.shared());

            JsonNode first = llm(api);
            JsonNode probed = awaitProbe(api);

            assertTrue(first.path("latency_ms").isMissingNode(), first::toString);
            assertTrue(probed.path("latency_ms").asDouble() >= 300, probed::toString);
        }
    }

    @Test
    void llmHealth_answersAtOnce_whileTheModelDoesNot() {
        try (ConverseRecorder model = new ConverseRecorder().delay(Duration.ofSeconds(20));
             ServerUnderTest server = start(model)) {
            Api api = new Api(server, CognitoPool.shared());
            for (int i = 0; i < 3; i++) {
                long started = System.nanoTime();
                JsonNode llm = llm(api);
                long millis = (System.nanoTime() - started) / 1_000_000;

                assertTrue(millis < 2000, "health took " + millis + " ms");
                assertEquals("not-probed", llm.path("llm").asText(), llm::toString);
            }
        }
    }

    private ServerUnderTest start(ConverseRecorder model) {
        Map<String, Object> properties = BackendProperties.forApp(BackendProperties.uniqueTableName());
        properties.put("helpdesk.triage.engine", "bedrock");
        properties.put("aws.services.bedrockruntime.endpoint-override", model.endpoint().toString());
        return runtime().start(properties);
    }

    /** The triage indicator's details, as a signed-in caller sees them. */
    private static JsonNode llm(Api api) {
        ApiResponse health = api.as("carol", ApiRequest.of("GET", "/health"));
        assertEquals(200, health.status(), health::toString);
        JsonNode details = health.json().path("details").path("triage").path("details");
        assertEquals("bedrock", details.path("engine").asText(), health::toString);
        return details;
    }

    /** Asks for health until it reports a probe's outcome. */
    private static JsonNode awaitProbe(Api api) throws InterruptedException {
        long deadline = System.nanoTime() + PROBE_WAIT.toNanos();
        JsonNode llm = llm(api);
        while (llm.path("llm").asText().equals("not-probed") || !llm.path("checked_by").asText().equals("probe")) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no probe reported within " + PROBE_WAIT + ": " + llm);
            }
            Thread.sleep(100);
            llm = llm(api);
        }
        return llm;
    }
}
