package dev.hauntedhelpdesk.triage;

import dev.hauntedhelpdesk.memory.DynamoDbMemoryStore;
import dev.hauntedhelpdesk.security.Caller;
import dev.hauntedhelpdesk.testing.BackendProperties;
import dev.hauntedhelpdesk.testing.MotoServer;
import dev.hauntedhelpdesk.ticket.Category;
import dev.hauntedhelpdesk.ticket.NewTicket;
import dev.hauntedhelpdesk.ticket.Severity;
import dev.hauntedhelpdesk.ticket.Ticket;
import dev.hauntedhelpdesk.ticket.TicketRepositories;
import dev.hauntedhelpdesk.ticket.TicketRepository;
import dev.hauntedhelpdesk.ticket.TicketStatus;
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

    private String stored(TicketStatus status, Instant updatedAt) {
        String id = UUID.randomUUID().toString();
        String at = Timestamps.format(updatedAt);
        tickets.create(Ticket.open(id, new NewTicket("VPN drops", "every five minutes", Severity.MEDIUM,
                Category.NETWORK), new Caller("requester-1", "alice", Set.of()), List.of(), at)
                .withStatus(status, at), null);
        return id;
    }

    @Test
    void processQueued_leavesALiveLeaseAlone_andReclaimsAnExpiredOne() {
        String live = stored(TicketStatus.PROCESSING, Instant.now());
        String abandoned = stored(TicketStatus.PROCESSING, Instant.now().minus(LEASE).minusSeconds(1));

        assertEquals(TriageService.Outcome.BUSY, service.processQueued(live));
        assertEquals(TriageService.Outcome.DONE, service.processQueued(abandoned));

        assertEquals("processing", tickets.find(live).orElseThrow().status().wire());
        Ticket recovered = tickets.find(abandoned).orElseThrow();
        assertEquals("resolved", recovered.status().wire());
        assertTrue(recovered.workflowLog().stream().anyMatch(e -> e.detail() != null
                && e.detail().contains("lease of an earlier run expired")), recovered::toString);
    }

    @Test
    void process_refusesATicketUnderALiveLease_with409() {
        String live = stored(TicketStatus.PROCESSING, Instant.now());

        assertThrows(TriageInProgressException.class,
                () -> service.process(live, new Caller("requester-1", "alice", Set.of())));
    }

    @Test
    void reclaim_handsOverAbandonedAndLongPendingTickets_only() {
        Instant old = Instant.now().minus(LEASE).minusSeconds(1)
                .minus(TriageService.DISPATCH_GRACE);
        String abandoned = stored(TicketStatus.PROCESSING, old);
        String forgotten = stored(TicketStatus.PENDING, old);
        stored(TicketStatus.PROCESSING, Instant.now());
        stored(TicketStatus.PENDING, Instant.now());
        stored(TicketStatus.RESOLVED, old);
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
            stale.add(stored(TicketStatus.PENDING, old.minusSeconds(i)));
        }
        for (int i = 0; i < 5; i++) {
            stored(TicketStatus.PENDING, Instant.now());
        }
        List<String> dispatched = new ArrayList<>();

        int handed = service.reclaim(id -> dispatched.add(id), true);

        assertEquals(60, handed);
        assertEquals(stale, Set.copyOf(dispatched));
    }

    @Test
    void processQueued_startsARequestedRunFromEscalated_butLeavesAnEscalatedTicketAloneOtherwise() {
        String escalated = stored(TicketStatus.ESCALATED, Instant.now());

        assertEquals(TriageService.Outcome.SKIPPED, service.processQueued(escalated));
        assertEquals("escalated", tickets.find(escalated).orElseThrow().status().wire());
        assertEquals(TriageService.Outcome.DONE, service.processQueued(escalated, true));
        assertEquals("resolved", tickets.find(escalated).orElseThrow().status().wire());
    }
}
