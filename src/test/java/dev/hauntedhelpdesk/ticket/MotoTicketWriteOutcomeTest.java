package dev.hauntedhelpdesk.ticket;

import dev.hauntedhelpdesk.dynamodb.HelpdeskTable;
import dev.hauntedhelpdesk.testing.FaultyTcpProxy;
import dev.hauntedhelpdesk.testing.FaultyTcpProxy.Fault;
import dev.hauntedhelpdesk.testing.MotoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The repository's writes where a plain read-then-write would go wrong: the attachment cap when
 * two appends both read room for their file, and a create whose first answer is lost, all against
 * moto's DynamoDB (the lost answer through a {@link FaultyTcpProxy}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MotoTicketWriteOutcomeTest {

    private final DynamoDbClient client = MotoServer.shared().dynamoDb();
    private FaultyTcpProxy proxy;
    private DynamoDbClient throughProxy;
    private TicketRepository repository;
    private TicketRepository repositoryThroughProxy;

    @BeforeAll
    void createTable() {
        String table = "tickets-" + UUID.randomUUID();
        HelpdeskTable.createIfMissing(client, table);
        repository = new DynamoDbTicketRepository(client, TicketRepositoryContract.settings(table));
        proxy = FaultyTcpProxy.start(MotoServer.shared().endpoint(), Duration.ofSeconds(3));
        throughProxy = DynamoDbClient.builder()
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .endpointOverride(proxy.endpoint())
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.apiCallAttemptTimeout(Duration.ofSeconds(2))
                        .apiCallTimeout(Duration.ofSeconds(6)))
                .build();
        repositoryThroughProxy = new DynamoDbTicketRepository(throughProxy, TicketRepositoryContract.settings(table));
    }

    @AfterAll
    void close() {
        throughProxy.close();
        proxy.close();
        client.close();
    }

    @Test
    void addAttachments_refusesTheAppendThatWouldPassTheCap_afterAnotherFilledTheTicketSinceItRead() {
        Ticket ticket = TicketRepositories.pending(UUID.randomUUID().toString(), "Full", "Many files", null);
        repository.create(ticket, null);
        repository.addAttachments(ticket.ticketId(), attachments(TicketRepository.MAX_ATTACHMENTS - 1), List.of(),
                ticket.updatedAt());
        // Both appends read 99 attachments (room for one), then write one after the other.
        Ticket read = repository.find(ticket.ticketId()).orElseThrow();
        assertEquals(TicketRepository.MAX_ATTACHMENTS - 1, read.attachments().size());

        Ticket first = repository.addAttachments(ticket.ticketId(), attachments(1), List.of(), ticket.updatedAt());
        assertThrows(TooManyAttachmentsException.class,
                () -> repository.addAttachments(ticket.ticketId(), attachments(1), List.of(), ticket.updatedAt()));

        assertEquals(TicketRepository.MAX_ATTACHMENTS, first.attachments().size());
        assertEquals(first, repository.find(ticket.ticketId()).orElseThrow());
    }

    @Test
    void addAttachments_refusesABatchThatWouldPassTheCap_andAcceptsOneThatReachesItExactly() {
        Ticket ticket = TicketRepositories.pending(UUID.randomUUID().toString(), "Batches", "Many files", null);
        repository.create(ticket, null);
        repository.addAttachments(ticket.ticketId(), attachments(90), List.of(), ticket.updatedAt());

        assertThrows(TooManyAttachmentsException.class,
                () -> repository.addAttachments(ticket.ticketId(), attachments(11), List.of(), ticket.updatedAt()));
        Ticket full = repository.addAttachments(ticket.ticketId(), attachments(10), List.of(), ticket.updatedAt());

        assertEquals(TicketRepository.MAX_ATTACHMENTS, full.attachments().size());
        assertThrows(TicketNotFoundException.class, () -> repository.addAttachments(UUID.randomUUID().toString(),
                attachments(1), List.of(), ticket.updatedAt()));
    }

    @Test
    void create_returnsTheTicket_whenTheAnswerToItsFirstAttemptWasLostAndTheRetryFindsItStored() {
        AtomicInteger puts = new AtomicInteger();
        proxy.faults(r -> r.operation().equals("PutItem") && puts.getAndIncrement() == 0 ? Fault.CUT_ANSWER : Fault.PASS);
        Ticket ticket = TicketRepositories.pending(UUID.randomUUID().toString(), "Lost answer", "Stored anyway", null);
        try {
            TicketRepository.Created created = repositoryThroughProxy.create(ticket, null);

            assertFalse(created.replayed());
            assertEquals(ticket, created.ticket());
            assertEquals(2, puts.get(), "the SDK retried the write");
            assertEquals(ticket, repository.find(ticket.ticketId()).orElseThrow());
        } finally {
            proxy.faults(r -> Fault.PASS);
        }
    }

    @Test
    void update_returnsTheNewVersion_whenTheAnswerToItsFirstAttemptWasLost() {
        Ticket ticket = TicketRepositories.pending(UUID.randomUUID().toString(), "Edit", "Lost answer", null);
        repository.create(ticket, null);
        AtomicInteger puts = new AtomicInteger();
        // An update is an UpdateItem, so the lease attributes on the item survive it.
        proxy.faults(r -> r.operation().equals("UpdateItem") && puts.getAndIncrement() == 0 ? Fault.CUT_ANSWER : Fault.PASS);
        try {
            Ticket edited = ticket.edited(TicketPatch.of(Map.of("title", "Edited"))).withVersion(1);

            Ticket stored = repositoryThroughProxy.update(edited, 1);

            assertEquals(2, stored.version());
            assertEquals(2, puts.get(), "the SDK retried the write");
            assertEquals(stored, repository.find(ticket.ticketId()).orElseThrow());
        } finally {
            proxy.faults(r -> Fault.PASS);
        }
    }

    private static List<Attachment> attachments(int count) {
        List<Attachment> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            list.add(new Attachment(UUID.randomUUID().toString(), "f" + i + ".log", "text/plain", 10));
        }
        return list;
    }
}
