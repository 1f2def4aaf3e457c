package dev.hauntedhelpdesk.triage;

import dev.hauntedhelpdesk.memory.DynamoDbMemoryStore;
import dev.hauntedhelpdesk.memory.MemoryStore;
import dev.hauntedhelpdesk.security.Caller;
import dev.hauntedhelpdesk.testing.BackendProperties;
import dev.hauntedhelpdesk.testing.MotoServer;
import dev.hauntedhelpdesk.ticket.Ticket;
import dev.hauntedhelpdesk.ticket.TicketRepositories;
import dev.hauntedhelpdesk.ticket.TicketRepository;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two runs race for one ticket. Not left to thread timing: the first run is held inside its
 * classify step (after its claim, before its record) while the second tries, so each test sees
 * one fixed interleaving.
 */
class TriageRaceTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Duration LEASE = TIMEOUT.plusSeconds(30);
    private static final Caller ALICE = new Caller("requester-1", "alice", Set.of());

    private final DynamoDbClient dynamo = MotoServer.shared().dynamoDb();
    private final String table = BackendProperties.uniqueTableName();
    private final TicketRepository tickets = TicketRepositories.dynamo(dynamo, table);
    private final MemoryStore memory = new DynamoDbMemoryStore(dynamo, table);

    /** An engine that stops in classify until released, then plays its script. */
    private static final class HeldEngine implements TriageEngine {
        final CountDownLatch inside = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        private final ScriptedEngine script;

        HeldEngine(ScriptedEngine.Behaviour consult) {
            this.script = new ScriptedEngine(ScriptedEngine.Behaviour.ANSWER, List.of(consult));
        }

        @Override
        public String name() {
            return "held";
        }

        @Override
        public Classification classify(TriageContext context, TokenUsage.Counter tokens) {
            inside.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return script.classify(context, tokens);
        }

        @Override
        public Optional<float[]> embed(String text) {
            return Optional.empty();
        }

        @Override
        public AgentReply consult(Agent specialist, TriageContext context, Evidence evidence,
                                  TokenUsage.Counter tokens) {
            return script.consult(specialist, context, evidence, tokens);
        }

        @Override
        public String summarize(TriageContext context, AgentReply.Answer answer, TokenUsage.Counter tokens) {
            return script.summarize(context, answer, tokens);
        }

        @Override
        public EngineHealth health() {
            return script.health();
        }
    }

    private TriageService service(TriageEngine engine, Clock clock) {
        return new TriageService(tickets, new TriageOrchestrator(engine, memory, Toolbox.none(),
                new TriageBounds(3, TIMEOUT, TIMEOUT, 2), clock), clock, ticket -> List.of(), LEASE);
    }

    private String pending() {
        String id = UUID.randomUUID().toString();
        tickets.create(TicketRepositories.pending(id, "VPN drops", "every five minutes", null), null);
        return id;
    }

    private static long count(Ticket ticket, String event) {
        return ticket.workflowLog().stream().filter(e -> event.equals(e.event())).count();
    }

    @Test
    void aSecondRun_whileTheFirstHoldsTheLease_gets409OrIsBusy_andTheFirstRecords() throws Exception {
        String id = pending();
        HeldEngine held = new HeldEngine(ScriptedEngine.Behaviour.ANSWER);
        CompletableFuture<WorkflowResult> first = CompletableFuture.supplyAsync(
                () -> service(held, Clock.systemUTC()).process(id, ALICE));
        assertTrue(held.inside.await(10, TimeUnit.SECONDS), "the first run never reached classify");
        TriageService second = service(new ScriptedEngine(ScriptedEngine.Behaviour.ANSWER,
                List.of(ScriptedEngine.Behaviour.ESCALATE)), Clock.systemUTC());

        assertThrows(TriageInProgressException.class, () -> second.process(id, ALICE));
        assertEquals(TriageService.Outcome.BUSY, second.processQueued(id));
        assertEquals(TriageService.Outcome.BUSY, second.processQueued(id, true));
        held.release.countDown();

        assertEquals("resolved", first.get(20, TimeUnit.SECONDS).status());
        Ticket done = tickets.find(id).orElseThrow();
        assertEquals("resolved", done.status().wire());
        assertEquals(1, count(done, TriageService.STARTED), done::toString);
        assertEquals(1, count(done, TriageService.FINISHED), done::toString);
    }

    @Test
    void aRunWhoseLeaseExpiredAndWasTakenOver_cannotRecordOverTheNewRun() throws Exception {
        String id = pending();
        // The first run would escalate; it is held until after a later run took its expired lease.
        HeldEngine held = new HeldEngine(ScriptedEngine.Behaviour.ESCALATE);
        CompletableFuture<WorkflowResult> stale = CompletableFuture.supplyAsync(
                () -> service(held, Clock.systemUTC()).process(id, ALICE));
        assertTrue(held.inside.await(10, TimeUnit.SECONDS), "the first run never reached classify");
        // A later worker, at a time past the first run's lease.
        Clock later = Clock.offset(Clock.systemUTC(), LEASE.plusSeconds(1));
        TriageService taker = service(new ScriptedEngine(ScriptedEngine.Behaviour.ANSWER,
                List.of(ScriptedEngine.Behaviour.ANSWER)), later);

        assertEquals(TriageService.Outcome.DONE, taker.processQueued(id));
        Ticket taken = tickets.find(id).orElseThrow();
        assertEquals("resolved", taken.status().wire());
        held.release.countDown();
        assertEquals("escalated", stale.get(20, TimeUnit.SECONDS).status());

        Ticket after = tickets.find(id).orElseThrow();
        assertEquals("resolved", after.status().wire(), after::toString);
        assertEquals(taken.resolution(), after.resolution());
        assertEquals(taken.version(), after.version(), "the stale run wrote to the ticket");
        assertEquals(2, count(after, TriageService.STARTED), after::toString);
        assertEquals(1, count(after, TriageService.FINISHED), after::toString);
    }
}
