package dev.hauntedhelpdesk.ticket;

import dev.hauntedhelpdesk.config.HelpdeskSettings;
import dev.hauntedhelpdesk.dynamodb.HelpdeskTable;
import dev.hauntedhelpdesk.security.Caller;
import dev.hauntedhelpdesk.testing.TestSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link DynamoDbTicketRepository} against a real DynamoDB API: moto here, LocalStack
 * where a Docker engine is reachable. The table is created from {@link HelpdeskTable}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class TicketRepositoryContract {

    private TicketRepository repository;

    protected abstract DynamoDbClient client();

    @BeforeAll
    void createTable() {
        String table = "tickets-" + UUID.randomUUID();
        HelpdeskTable.createIfMissing(client(), table);
        HelpdeskTable.createIfMissing(client(), table); // a second start finds it and does nothing
        repository = new DynamoDbTicketRepository(client(), settings(table));
    }

    @Test
    void create_thenFind_returnsTheSameTicket() {
        Ticket ticket = ticket("owner-a", "2026-01-01T00:00:00.000Z");

        repository.create(ticket, null);

        assertEquals(ticket, repository.find(ticket.ticketId()).orElseThrow());
    }

    @Test
    void create_withTheSameIdempotencyClaim_storesOneTicket() {
        Ticket first = ticket("owner-b", "2026-01-01T00:00:01.000Z");
        Ticket retry = ticket("owner-b", "2026-01-01T00:00:02.000Z");
        TicketRepository.IdempotencyClaim claim = new TicketRepository.IdempotencyClaim("owner-b", "key-1", "fp");

        TicketRepository.Created stored = repository.create(first, claim);
        TicketRepository.Created replayed = repository.create(retry, claim);

        assertFalse(stored.replayed());
        assertTrue(replayed.replayed());
        assertEquals(first.ticketId(), replayed.ticket().ticketId());
        assertTrue(repository.find(retry.ticketId()).isEmpty());
        assertThrows(IdempotencyKeyReusedException.class, () -> repository.create(
                ticket("owner-b", "2026-01-01T00:00:03.000Z"),
                new TicketRepository.IdempotencyClaim("owner-b", "key-1", "another-fp")));
    }

    @Test
    void update_succeedsOnceAtAVersion_andRejectsTheStaleSecondWrite() {
        Ticket ticket = ticket("owner-c", "2026-01-01T00:00:04.000Z");
        repository.create(ticket, null);

        Ticket updated = repository.update(withTitle(ticket, "first"), 1);

        assertEquals(2, updated.version());
        assertThrows(VersionMismatchException.class, () -> repository.update(withTitle(ticket, "second"), 1));
        assertEquals("first", repository.find(ticket.ticketId()).orElseThrow().title());
        assertThrows(TicketNotFoundException.class, () -> repository.update(
                ticket("owner-c", "2026-01-01T00:00:05.000Z"), 1));
    }

    @Test
    void addAttachments_appendsToWhatIsThere_bumpsTheVersion_andAMissingTicketIsNotFound() {
        Ticket ticket = ticket("owner-e", "2026-01-01T00:00:07.000Z");
        repository.create(ticket, null);
        Attachment png = new Attachment(UUID.randomUUID().toString(), "a.png", "image/png", 10);
        Attachment log = new Attachment(UUID.randomUUID().toString(), "b.log", "text/plain", 20);
        WorkflowEntry added = new WorkflowEntry("2026-01-01T00:01:00.000Z", "alice", "attachment_added", "a.png");

        repository.addAttachments(ticket.ticketId(), List.of(png), List.of(added), "2026-01-01T00:01:00.000Z");
        Ticket after = repository.addAttachments(ticket.ticketId(), List.of(log), List.of(), "2026-01-01T00:02:00.000Z");

        assertEquals(List.of(png, log), after.attachments());
        assertEquals(3, after.version());
        assertEquals("2026-01-01T00:02:00.000Z", after.updatedAt());
        assertEquals(ticket.workflowLog().size() + 1, after.workflowLog().size());
        assertEquals(after, repository.find(ticket.ticketId()).orElseThrow());
        assertThrows(VersionMismatchException.class, () -> repository.update(withTitle(ticket, "stale"), 1));
        assertThrows(TicketNotFoundException.class, () -> repository.addAttachments(UUID.randomUUID().toString(),
                List.of(png), List.of(), "2026-01-01T00:03:00.000Z"));
    }

    @Test
    void delete_removesTheTicket_andAMissingOneIsNotFound() {
        Ticket ticket = ticket("owner-d", "2026-01-01T00:00:06.000Z");
        repository.create(ticket, null);

        repository.delete(ticket.ticketId());

        assertTrue(repository.find(ticket.ticketId()).isEmpty());
        assertThrows(TicketNotFoundException.class, () -> repository.delete(ticket.ticketId()));
    }

    @Test
    void list_pagesByRequesterStatusAndAll_newestFirst_withoutGapsOrRepeats() {
        String owner = "owner-" + UUID.randomUUID();
        List<Ticket> created = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            Ticket t = ticket(owner, "2026-02-01T00:00:0" + i + ".000Z");
            if (i % 2 == 0) {
                t = t.withStatus(TicketStatus.CLOSED, t.updatedAt());
            }
            repository.create(t, null);
            created.add(t);
        }

        List<Ticket> mine = drain(owner, null, 3);
        List<Ticket> mineClosed = drain(owner, TicketStatus.CLOSED, 2);
        Set<String> allClosed = ids(drain(null, TicketStatus.CLOSED, 50));
        Set<String> everything = ids(drain(null, null, 50));

        assertEquals(created.reversed().stream().map(Ticket::ticketId).toList(),
                mine.stream().map(Ticket::ticketId).toList());
        assertEquals(4, mineClosed.size());
        assertTrue(mineClosed.stream().allMatch(t -> t.status().wire().equals("closed")));
        assertTrue(allClosed.containsAll(ids(mineClosed)));
        assertTrue(everything.containsAll(ids(created)));
        assertNotEquals(0, everything.size());
    }

    private List<Ticket> drain(String requester, TicketStatus status, int limit) {
        List<Ticket> all = new ArrayList<>();
        PageCursor cursor = null;
        for (int i = 0; i < 1000; i++) {
            TicketPage page = repository.list(new TicketQuery(requester, status, limit, cursor));
            assertTrue(page.items().size() <= limit);
            all.addAll(page.items());
            if (page.nextCursor() == null) {
                assertEquals(all.size(), ids(all).size(), "no ticket twice");
                return all;
            }
            cursor = PageCursor.decode(page.nextCursor());
        }
        throw new AssertionError("list never ended");
    }

    private static Set<String> ids(List<Ticket> tickets) {
        Set<String> ids = new HashSet<>();
        tickets.forEach(t -> ids.add(t.ticketId()));
        return ids;
    }

    static Ticket ticket(String requester, String createdAt) {
        return Ticket.open(UUID.randomUUID().toString(), new NewTicket("title", "description", Severity.LOW, null),
                new Caller(requester, requester, Set.of()), List.of(), createdAt);
    }

    private static Ticket withTitle(Ticket t, String title) {
        return t.edited(TicketPatch.of(Map.of("title", title))).withStatus(t.status(), Instant.now().toString());
    }

    static HelpdeskSettings settings(String table) {
        return TestSettings.of(table);
    }
}
