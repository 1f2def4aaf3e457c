package dev.hauntedhelpdesk.triage;

import dev.hauntedhelpdesk.memory.MemoryStore;
import dev.hauntedhelpdesk.memory.RecalledMemory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Bedrock engine against a local stub of the Converse API (endpoint override); no AWS call. */
class BedrockTriageEngineTest {

    private static final String MODEL = "us.anthropic.claude-sonnet-4-5-20250929-v1:0";
    private static final TriageContext TICKET = TriageContext.of("t-1", "VPN drops",
            "The VPN disconnects every five minutes", "high", null);

    private final ConverseStub stub = new ConverseStub();

    @AfterEach
    void stop() {
        stub.close();
    }

    private BedrockTriageEngine engine(Duration callTimeout) {
        return new BedrockTriageEngine(BedrockClientFactory.create(Region.US_EAST_1,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")), stub.endpoint(),
                callTimeout, Duration.ofMillis(20)), MODEL);
    }

    @Test
    void classify_readsTheModelsJson_andRecordsTokenUsage() {
        stub.answer("{\"category\": \"network\", \"confidence\": 0.86}");
        TokenUsage.Counter tokens = new TokenUsage.Counter();

        Classification c = engine(Duration.ofSeconds(5)).classify(TICKET, tokens);

        assertEquals(new Classification("network", 0.86), c);
        assertEquals(new TokenUsage(120, 30, 1), tokens.total());
        assertEquals("/model/" + MODEL.replace(":", "%3A") + "/converse", stub.paths.get(0));
        assertTrue(stub.bodies.get(0).contains("VPN drops"), stub.bodies.get(0));
    }

    @Test
    void aWholeRun_completesOnBedrock_withAnswerAndSummaryFromTheModel() {
        stub.answer("{\"category\":\"network\",\"confidence\":0.9}")
                .answer("Here you go: {\"action\":\"answer\",\"response\":\"Switch the VPN to TCP.\",\"resolved\":true}")
                .answer("Resolved by switching the VPN profile to TCP.");
        TriageOrchestrator orchestrator = new TriageOrchestrator(engine(Duration.ofSeconds(5)), new NoMemory(),
                Toolbox.none(), new TriageBounds(3, Duration.ofSeconds(20), Duration.ofSeconds(10), 2),
                Clock.systemUTC());

        WorkflowResult result = orchestrator.run(TICKET);

        assertEquals("completed", result.terminatedBy(), result::toString);
        assertEquals("resolved", result.status());
        assertEquals("Switch the VPN to TCP.", result.finalResponse());
        assertEquals("Resolved by switching the VPN profile to TCP.", result.summary());
        assertEquals(new TokenUsage(360, 90, 3), result.tokenUsage());
    }

    @Test
    void throttling_isRetriedWithBackoff_untilTheModelAnswers() {
        stub.throttle().throttle().answer("{\"category\":\"cloud\",\"confidence\":0.7}");
        BedrockTriageEngine engine = engine(Duration.ofSeconds(5));

        Classification c = engine.classify(TICKET, new TokenUsage.Counter());

        assertEquals("cloud", c.category());
        assertEquals(3, stub.paths.size());
        assertTrue(engine.health().available());
    }

    @Test
    void throttling_pastTheRetries_makesTheEngineUnavailable_andHealthDegraded() {
        for (int i = 0; i < BedrockClientFactory.MAX_ATTEMPTS; i++) {
            stub.throttle();
        }
        BedrockTriageEngine engine = engine(Duration.ofSeconds(5));

        EngineUnavailableException e = assertThrows(EngineUnavailableException.class,
                () -> engine.classify(TICKET, new TokenUsage.Counter()));

        assertTrue(e.getMessage().contains("ThrottlingException"), e.getMessage());
        assertEquals(BedrockClientFactory.MAX_ATTEMPTS, stub.paths.size());
        assertFalse(engine.health().available());
    }

    @Test
    void aSlowModel_isCutOffByThePerCallTimeout() {
        for (int i = 0; i < BedrockClientFactory.MAX_ATTEMPTS; i++) {
            stub.raw(200, "{}", 3000);
        }
        BedrockTriageEngine engine = engine(Duration.ofMillis(500));
        long started = System.nanoTime();

        assertThrows(EngineUnavailableException.class, () -> engine.classify(TICKET, new TokenUsage.Counter()));

        long millis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(millis < 2000, "took " + millis + " ms");
        assertTrue(engine.health().detail().contains("Timeout"), engine.health().detail());
    }

    @Test
    void health_isNotProbed_beforeAnyCallToTheModel() {
        BedrockTriageEngine engine = engine(Duration.ofSeconds(5));

        assertEquals(TriageEngine.EngineHealth.Status.NOT_PROBED, engine.health().status());
        assertFalse(engine.health().available());
        assertTrue(stub.paths.isEmpty());
    }

    @Test
    void probe_isOneConverseCallForASingleToken_andRecordsWhenTheModelAnswered() {
        stub.answer("p");
        BedrockTriageEngine engine = engine(Duration.ofSeconds(5));

        TriageEngine.EngineHealth health = engine.probe();

        assertEquals(TriageEngine.EngineHealth.Status.AVAILABLE, health.status(), health::toString);
        assertEquals("probe", health.checkedBy());
        assertTrue(health.checkedAt() != null);
        assertEquals(1, stub.paths.size());
        assertTrue(stub.bodies.get(0).contains("\"maxTokens\":1"), stub.bodies.get(0));
    }

    @Test
    void probe_ofAModelThatAnswersTooSlowly_givesUpAfterTheProbeTimeout_andReportsDegraded() {
        for (int i = 0; i < BedrockClientFactory.MAX_ATTEMPTS; i++) {
            stub.raw(200, "{}", BedrockTriageEngine.PROBE_TIMEOUT.toMillis() + 3000);
        }
        // The per-call timeout for triage is far longer than the probe's.
        BedrockTriageEngine engine = engine(Duration.ofSeconds(60));
        long started = System.nanoTime();

        TriageEngine.EngineHealth health = engine.probe();

        long millis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(TriageEngine.EngineHealth.Status.DEGRADED, health.status(), health::toString);
        assertTrue(millis < BedrockTriageEngine.PROBE_TIMEOUT.toMillis() + 1500, "took " + millis + " ms");
        assertTrue(health.detail().contains("Timeout"), health.detail());
    }

    @Test
    void aReplyThatIsNotTheRequestedJson_isMalformed_andEndsTheRunInError() {
        stub.answer("I think this is probably a network problem.");
        TriageOrchestrator orchestrator = new TriageOrchestrator(engine(Duration.ofSeconds(5)), new NoMemory(),
                Toolbox.none(), new TriageBounds(3, Duration.ofSeconds(20), Duration.ofSeconds(10), 2),
                Clock.systemUTC());

        WorkflowResult result = orchestrator.run(TICKET);

        assertEquals("error", result.terminatedBy());
        assertEquals("error", result.status());
        assertTrue(result.finalResponse().contains("no JSON object"), result::toString);
    }

    @Test
    void aSpecialistReplyOfTheWrongShape_isMalformed() {
        stub.answer("{\"action\":\"dance\"}");

        assertInstanceOf(MalformedReplyException.class, assertThrows(RuntimeException.class,
                () -> engine(Duration.ofSeconds(5)).consult(Agent.NETWORK, TICKET,
                        new TriageEngine.Evidence("network", List.of(), List.of(), List.of()),
                        new TokenUsage.Counter())));
    }

    private static final class NoMemory implements MemoryStore {
        @Override
        public List<RecalledMemory> recall(String category, String text, float[] embedding, int limit,
                                           double threshold) {
            return List.of();
        }

        @Override
        public void remember(dev.hauntedhelpdesk.memory.Memory memory) {
        }
    }
}
