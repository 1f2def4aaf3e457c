package dev.hauntedhelpdesk.dynamodb;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveSpecification;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveRequest;

import java.util.List;

/**
 * The single table's key design (src/README.md "DynamoDB table design"): generic {@code pk}/{@code sk}
 * keys and three sparse indexes for the ticket list access patterns. The same definition is
 * created by localstack/init and lambda/template.yaml.
 */
public final class HelpdeskTable {

    public static final String PK = "pk";
    public static final String SK = "sk";
    public static final String CREATED_KEY = "created_key";
    public static final String REQUESTER = "requester";
    public static final String STATUS = "status";
    public static final String ENTITY = "entity";
    public static final String EXPIRES_AT = "expires_at";

    public static final String BY_REQUESTER = "by_requester";
    public static final String BY_STATUS = "by_status";
    public static final String ALL_TICKETS = "all_tickets";

    private HelpdeskTable() {
    }

    /** Creates the table when it does not exist yet (dev mode and tests; production uses IaC). */
    public static void createIfMissing(DynamoDbClient client, String tableName) {
        try {
            client.describeTable(b -> b.tableName(tableName));
            return;
        } catch (ResourceNotFoundException e) {
            // fall through and create it
        }
        try {
            client.createTable(CreateTableRequest.builder()
                    .tableName(tableName)
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(
                            string(PK), string(SK), string(CREATED_KEY), string(REQUESTER), string(STATUS),
                            string(ENTITY))
                    .keySchema(key(PK, KeyType.HASH), key(SK, KeyType.RANGE))
                    .globalSecondaryIndexes(index(BY_REQUESTER, REQUESTER), index(BY_STATUS, STATUS),
                            index(ALL_TICKETS, ENTITY))
                    .build());
        } catch (ResourceInUseException e) {
            return; // created concurrently by another instance
        }
        client.waiter().waitUntilTableExists(b -> b.tableName(tableName));
        client.updateTimeToLive(UpdateTimeToLiveRequest.builder().tableName(tableName)
                .timeToLiveSpecification(TimeToLiveSpecification.builder().enabled(true)
                        .attributeName(EXPIRES_AT).build())
                .build());
    }

    private static GlobalSecondaryIndex index(String name, String hashKey) {
        return GlobalSecondaryIndex.builder()
                .indexName(name)
                .keySchema(List.of(key(hashKey, KeyType.HASH), key(CREATED_KEY, KeyType.RANGE)))
                .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                .build();
    }

    private static AttributeDefinition string(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
