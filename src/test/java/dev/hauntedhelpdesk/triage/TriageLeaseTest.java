package dev.hauntedhelpdesk.triage;

import dev.hauntedhelpdesk.memory.DynamoDbMemoryStore;
import dev.hauntedhelpdesk.security.Caller;
import dev.hauntedhelpdesk.testing.BackendProperties;
import dev.hauntedhelpdesk.testing.MotoServer;
import dev.hauntedhelpdesk.ticket.Ticket;
import dev.hauntedhelpdesk.ticket.TicketRepositories;
import dev.hauntedhelpdesk.ticket.TicketRepository;
import dev.hauntedhelpdesk.ticket.Timestamps;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A ticket left in processing by a crash is picked up again once its lease expires, never before. */
class TriageLeaseTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Duration LEASE = TIMEOUT.plusSeconds(30);

    private final DynamoDbClient dynamo = MotoServer.shared().dynamoDb();
    private final String table = BackendProperties.uniqueTableName();
    private final TicketRepository tickets = TicketRepositories.dynamo(dynamo, table);
    private final TriageService service = new TriageService(tickets, new TriageOrchestrator(
            new ScriptedEngine(ScriptedEngine.Behaviour.ANSWER, List.of(ScriptedEngine.Behaviour.ANSWER)),
            new DynamoDbMemoryStore(dynamo, table), Toolbox.none(), new TriageBounds(3, TIMEOUT, TIMEOUT, 2),
            Clock.systemUTC()), Clock.systemUTC(), ticket -> List.of(), LEASE);

    private String stored(String status, Instant updatedAt) {
        String id = UUID.randomUUID().toString();
        Ticket t = TicketRepositories.pending(id, "VPN drops", "every five minutes", "network");
        String at = Timestamps.format(updatedAt);
        tickets.create(new Ticket(id, t.title(), t.description(), t.severity(), t.category(), status, t.requester(),
                null, null, t.workflowLog(), List.of(), at, at, 1), null);
        return id;
    }

    @Test
    void processQueued_leavesALiveLeaseAlone_andReclaimsAnExpiredOne() {
        String live = stored("processing", Instant.now());
        String abandoned = stored("processing", Instant.now().minus(LEASE).minusSeconds(1));

        assertEquals(TriageService.Outcome.BUSY, service.processQueued(live));
        assertEquals(TriageService.Outcome.DONE, service.processQueued(abandoned));

        assertEquals("processing", tickets.find(live).orElseThrow().status());
        Ticket recovered = tickets.find(abandoned).orElseThrow();
        assertEquals("resolved", recovered.status());
        assertTrue(recovered.workflowLog().stream().anyMatch(e -> e.detail() != null
                && e.detail().contains("lease of an earlier run expired")), recovered::toString);
    }

    @Test
    void process_refusesATicketUnderALiveLease_with409() {
        String live = stored("processing", Instant.now());

        assertThrows(TriageInProgressException.class,
                () -> service.process(live, new Caller("requester-1", "alice", Set.of())));
    }

    @Test
    void reclaim_handsOverAbandonedAndLongPendingTickets_only() {
        Instant old = Instant.now().minus(LEASE).minusSeconds(1)
                .minus(TriageService.DISPATCH_GRACE);
        String abandoned = stored("processing", old);
        String forgotten = stored("pending", old);
        stored("processing", Instant.now());
        stored("pending", Instant.now());
        stored("resolved", old);
        List<String> dispatched = new ArrayList<>();

        int handed = service.reclaim(id -> dispatched.add(id), true);

        assertEquals(2, handed);
        assertEquals(Set.of(abandoned, forgotten), Set.copyOf(dispatched));
    }

    @Test
    void reclaim_pagesThroughEveryStaleTicket_notOnlyTheNewestPage() {
        Instant old = Instant.now().minus(LEASE).minusSeconds(1).minus(TriageService.DISPATCH_GRACE);
        Set<String> stale = new java.util.HashSet<>();
        // Older than a page of the sweep's query, and behind newer live ones (the list is newest first).
        for (int i = 0; i < 60; i++) {
            stale.add(stored("pending", old.minusSeconds(i)));
        }
        for (int i = 0; i < 5; i++) {
            stored("pending", Instant.now());
        }
        List<String> dispatched = new ArrayList<>();

        int handed = service.reclaim(id -> dispatched.add(id), true);

        assertEquals(60, handed);
        assertEquals(stale, Set.copyOf(dispatched));
    }

    @Test
    void processQueued_startsARequestedRunFromEscalated_butLeavesAnEscalatedTicketAloneOtherwise() {
        String escalated = stored("escalated", Instant.now());

        assertEquals(TriageService.Outcome.SKIPPED, service.processQueued(escalated));
        assertEquals("escalated", tickets.find(escalated).orElseThrow().status());
        assertEquals(TriageService.Outcome.DONE, service.processQueued(escalated, true));
        assertEquals("resolved", tickets.find(escalated).orElseThrow().status());
    }
}
