package dev.hauntedhelpdesk.triage;

import dev.hauntedhelpdesk.memory.DynamoDbMemoryStore;
import dev.hauntedhelpdesk.security.Caller;
import dev.hauntedhelpdesk.testing.BackendProperties;
import dev.hauntedhelpdesk.testing.MotoServer;
import dev.hauntedhelpdesk.ticket.Category;
import dev.hauntedhelpdesk.ticket.Ticket;
import dev.hauntedhelpdesk.ticket.TicketRepositories;
import dev.hauntedhelpdesk.ticket.TicketRepository;
import dev.hauntedhelpdesk.ticket.WorkflowEntry;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Whatever a scripted engine does (hand off forever, alternate two specialists, hang, throw,
 * answer garbage), a run ends within EXECUTION_TIMEOUT plus {@link #SLACK}, never exceeds
 * MAX_HANDOFFS, names why it stopped, and leaves the ticket in DynamoDB (moto) in a terminal
 * status with the run's workflow log. The slack covers interrupting the hung step and the two
 * DynamoDB writes that record the outcome on a two-core machine.
 */
class TriageBoundsProperties {

    static final Duration EXECUTION_TIMEOUT = Duration.ofSeconds(1);
    static final Duration STEP_TIMEOUT = Duration.ofMillis(400);
    static final Duration SLACK = Duration.ofMillis(750);
    static final Set<String> TERMINATIONS = Set.of("completed", "max_handoffs", "timeout", "loop_detected", "error");
    static final Set<String> TERMINAL = Set.of("resolved", "escalated", "error");

    private static DynamoDbClient dynamo;
    private static String table;
    private static TicketRepository tickets;

    @BeforeContainer
    static void startStore() {
        dynamo = MotoServer.shared().dynamoDb();
        table = BackendProperties.uniqueTableName();
        tickets = TicketRepositories.dynamo(dynamo, table);
    }

    @Provide
    Arbitrary<ScriptedEngine.Behaviour> classifyBehaviours() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, Arbitraries.just(ScriptedEngine.Behaviour.ANSWER)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(ScriptedEngine.Behaviour.HANG, ScriptedEngine.Behaviour.THROW,
                        ScriptedEngine.Behaviour.GARBAGE, ScriptedEngine.Behaviour.UNAVAILABLE)));
    }

    @Provide
    Arbitrary<List<ScriptedEngine.Behaviour>> scripts() {
        Arbitrary<ScriptedEngine.Behaviour> step = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.of(ScriptedEngine.Behaviour.HANDOFF_NEXT,
                        ScriptedEngine.Behaviour.HANDOFF_BACK)),
                net.jqwik.api.Tuple.of(2, Arbitraries.of(ScriptedEngine.Behaviour.ANSWER,
                        ScriptedEngine.Behaviour.ESCALATE)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(ScriptedEngine.Behaviour.HANG, ScriptedEngine.Behaviour.THROW,
                        ScriptedEngine.Behaviour.GARBAGE, ScriptedEngine.Behaviour.UNAVAILABLE,
                        ScriptedEngine.Behaviour.UNKNOWN_AGENT)));
        return step.list().ofMinSize(1).ofMaxSize(8);
    }

    @Property(tries = 40)
    void everyRun_staysWithinItsBounds_andLeavesATerminalTicketWithItsLog(
            @ForAll("classifyBehaviours") ScriptedEngine.Behaviour classify,
            @ForAll("scripts") List<ScriptedEngine.Behaviour> script,
            @ForAll("maxHandoffs") int maxHandoffs,
            @ForAll("windows") int window,
            @ForAll boolean categoryGiven) {
        TriageBounds bounds = new TriageBounds(maxHandoffs, EXECUTION_TIMEOUT, STEP_TIMEOUT, window);
        TriageOrchestrator orchestrator = new TriageOrchestrator(new ScriptedEngine(classify, script),
                new DynamoDbMemoryStore(dynamo, table), Toolbox.none(), bounds, Clock.systemUTC());
        TriageService service = new TriageService(tickets, orchestrator, Clock.systemUTC(), ticket -> List.of(),
                orchestrator.bounds().executionTimeout().plusSeconds(30));
        String id = UUID.randomUUID().toString();
        tickets.create(TicketRepositories.pending(id, "VPN drops", "VPN disconnects every 5 minutes",
                categoryGiven ? Category.NETWORK : null), null);

        long started = System.nanoTime();
        WorkflowResult result = service.process(id, new Caller("requester-1", "alice", Set.of()));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertTrue(took.compareTo(EXECUTION_TIMEOUT.plus(SLACK)) <= 0, () -> "took " + took + ": " + result);
        assertTrue(result.specialistHandoffs() <= maxHandoffs, result::toString);
        assertTrue(TERMINATIONS.contains(result.terminatedBy()), result::toString);
        assertTrue(TERMINAL.contains(result.status()), result::toString);
        Ticket stored = tickets.find(id).orElseThrow();
        assertEquals(result.status(), stored.status().wire());
        List<String> events = stored.workflowLog().stream().map(WorkflowEntry::event).toList();
        assertTrue(events.contains(TriageService.STARTED), events::toString);
        assertEquals(TriageService.FINISHED, events.get(events.size() - 1));
        assertTrue(stored.workflowLog().get(events.size() - 1).detail()
                .startsWith("terminated_by=" + result.terminatedBy()), stored::toString);
        if (!result.terminatedBy().equals("completed")) {
            assertTrue(Set.of("escalated", "error").contains(result.status()), result::toString);
        }
    }

    @Provide
    Arbitrary<Integer> maxHandoffs() {
        return Arbitraries.integers().between(0, 12);
    }

    @Provide
    Arbitrary<Integer> windows() {
        return Arbitraries.integers().between(1, 4);
    }

    @Property(tries = 10)
    void forever_handing_off_stopsAtMaxHandoffs_whenTheWindowCannotSeeTheCycle(@ForAll("maxHandoffs") int max) {
        WorkflowResult result = run(new ScriptedEngine(ScriptedEngine.Behaviour.ANSWER,
                List.of(ScriptedEngine.Behaviour.HANDOFF_NEXT)), new TriageBounds(max, EXECUTION_TIMEOUT, STEP_TIMEOUT, 1));

        assertEquals("max_handoffs", result.terminatedBy(), result::toString);
        assertEquals(max, result.specialistHandoffs(), result::toString);
        assertEquals("escalated", result.status());
    }

    @Property(tries = 5)
    void alternating_twoSpecialists_isStoppedAsALoop(@ForAll("windows") int window) {
        WorkflowResult result = run(new ScriptedEngine(ScriptedEngine.Behaviour.ANSWER,
                List.of(ScriptedEngine.Behaviour.HANDOFF_BACK)),
                new TriageBounds(10, EXECUTION_TIMEOUT, STEP_TIMEOUT, Math.max(2, window)));

        assertEquals("loop_detected", result.terminatedBy(), result::toString);
        assertEquals(List.of("classifier", "memory", "network", "cloud"), result.handoffSequence());
    }

    @Property(tries = 3)
    void hanging_engine_isCutOffByTheStepTimeout(@ForAll boolean unused) {
        long started = System.nanoTime();
        WorkflowResult result = run(new ScriptedEngine(ScriptedEngine.Behaviour.ANSWER,
                List.of(ScriptedEngine.Behaviour.HANG)), new TriageBounds(3, EXECUTION_TIMEOUT, STEP_TIMEOUT, 2));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertEquals("timeout", result.terminatedBy(), result::toString);
        assertTrue(took.compareTo(STEP_TIMEOUT.plus(SLACK)) <= 0, took::toString);
    }

    @Property(tries = 2)
    void aStepThatIgnoresInterrupts_doesNotHoldTheRunPastItsBound(@ForAll boolean unused) {
        long started = System.nanoTime();
        WorkflowResult result = run(new ScriptedEngine(ScriptedEngine.Behaviour.ANSWER,
                List.of(ScriptedEngine.Behaviour.IGNORE_INTERRUPTS)), new TriageBounds(3, EXECUTION_TIMEOUT, STEP_TIMEOUT, 2));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertEquals("timeout", result.terminatedBy(), result::toString);
        assertTrue(took.compareTo(STEP_TIMEOUT.plus(SLACK)) <= 0, took::toString);
    }

    @Property(tries = 2)
    void aStepBlockedInASocketReadWithoutTimeout_doesNotHoldTheRunPastItsBound(@ForAll boolean unused) {
        long started = System.nanoTime();
        WorkflowResult result = run(new ScriptedEngine(ScriptedEngine.Behaviour.ANSWER,
                List.of(ScriptedEngine.Behaviour.BLOCKING_READ)), new TriageBounds(3, EXECUTION_TIMEOUT, STEP_TIMEOUT, 2));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertEquals("timeout", result.terminatedBy(), result::toString);
        assertTrue(took.compareTo(STEP_TIMEOUT.plus(SLACK)) <= 0, took::toString);
    }

    @Property(tries = 2)
    void aStepWaitingUninterruptiblyOnABlockedSocketRead_doesNotHoldTheRunPastItsBound(@ForAll boolean unused) {
        long started = System.nanoTime();
        WorkflowResult result = run(new ScriptedEngine(ScriptedEngine.Behaviour.ANSWER,
                List.of(ScriptedEngine.Behaviour.BLOCKING_READ_JOINED)),
                new TriageBounds(3, EXECUTION_TIMEOUT, STEP_TIMEOUT, 2));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertEquals("timeout", result.terminatedBy(), result::toString);
        assertTrue(took.compareTo(STEP_TIMEOUT.plus(SLACK)) <= 0, took::toString);
    }

    @Property(tries = 3)
    void unavailable_engine_escalatesWithTheReason(@ForAll boolean unused) {
        WorkflowResult result = run(new ScriptedEngine(ScriptedEngine.Behaviour.ANSWER,
                List.of(ScriptedEngine.Behaviour.UNAVAILABLE)), new TriageBounds(3, EXECUTION_TIMEOUT, STEP_TIMEOUT, 2));

        assertEquals("error", result.terminatedBy());
        assertEquals("escalated", result.status());
        assertTrue(result.finalResponse().contains("language model is unavailable (throttled)"), result::toString);
    }

    private static WorkflowResult run(ScriptedEngine engine, TriageBounds bounds) {
        TriageOrchestrator orchestrator = new TriageOrchestrator(engine, new DynamoDbMemoryStore(dynamo, table),
                Toolbox.none(), bounds, Clock.systemUTC());
        return orchestrator.run(TriageContext.of(UUID.randomUUID().toString(), "VPN drops", "every 5 minutes",
                "high", "network"));
    }
}
