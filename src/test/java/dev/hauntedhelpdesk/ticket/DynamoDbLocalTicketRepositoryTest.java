package dev.hauntedhelpdesk.ticket;

import dev.hauntedhelpdesk.testing.DynamoDbLocalServer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The repository contract against DynamoDB Local. */
class DynamoDbLocalTicketRepositoryTest extends TicketRepositoryContract {

    private final DynamoDbClient client = DynamoDbLocalServer.shared().client();

    @Override
    protected DynamoDbClient client() {
        return client;
    }
}
