package dev.hauntedhelpdesk.ticket;

import dev.hauntedhelpdesk.dynamodb.HelpdeskTable;
import dev.hauntedhelpdesk.security.Caller;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The production ticket repository on a given client and table, for tests of other features. */
public final class TicketRepositories {

    private TicketRepositories() {
    }

    /** Creates {@code table} if missing and returns the DynamoDB repository over it. */
    public static TicketRepository dynamo(DynamoDbClient client, String table) {
        HelpdeskTable.createIfMissing(client, table);
        return new DynamoDbTicketRepository(client, TicketRepositoryContract.settings(table));
    }

    /** A new pending ticket as the service would store it. */
    public static Ticket pending(String ticketId, String title, String description, Category category) {
        String now = Timestamps.format(java.time.Instant.now());
        return Ticket.open(ticketId, new NewTicket(title, description, Severity.MEDIUM, category),
                new Caller("requester-1", "alice", java.util.Set.of()), java.util.List.of(), now);
    }
}
