package dev.hauntedhelpdesk.ticket;

import dev.hauntedhelpdesk.testing.MotoServer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The repository contract against moto's DynamoDB. */
class MotoTicketRepositoryTest extends TicketRepositoryContract {

    private final DynamoDbClient client = MotoServer.shared().dynamoDb();

    @Override
    protected DynamoDbClient client() {
        return client;
    }
}
