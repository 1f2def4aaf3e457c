package dev.hauntedhelpdesk.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hauntedhelpdesk.dynamodb.HelpdeskTable;
import dev.hauntedhelpdesk.testing.BackendProperties;
import dev.hauntedhelpdesk.testing.MotoServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** How memories are keyed in the table, on moto's DynamoDB. */
class DynamoDbMemoryStoreTest {

    private final DynamoDbClient dynamo = MotoServer.shared().dynamoDb();
    private final String table = BackendProperties.uniqueTableName();
    private final DynamoDbMemoryStore store;

    DynamoDbMemoryStoreTest() {
        HelpdeskTable.createIfMissing(dynamo, table);
        store = new DynamoDbMemoryStore(dynamo, table);
    }

    private static Memory memory(String ticketId, String createdAt) {
        return new Memory(ticketId, "network", "VPN drops", "restart the client", List.of("vpn", "drops"), null,
                createdAt);
    }

    private List<String> sortKeys(String category) {
        return dynamo.query(b -> b.tableName(table)
                        .keyConditionExpression("#pk = :pk")
                        .expressionAttributeNames(Map.of("#pk", HelpdeskTable.PK))
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(DynamoDbMemoryStore.PREFIX + category))))
                .items().stream().map(item -> item.get(HelpdeskTable.SK).s()).toList();
    }

    @Test
    void remember_keysEveryMemoryWithTheFixedWidthTimestamp_whateverPrecisionItsInstantHad() {
        // Instant.toString() drops a zero fraction and prints micro- or nanoseconds when present,
        // so its strings do not sort by time: "...:00Z" sorts after "...:00.5Z".
        store.remember(memory("t-whole", "2026-12-01T10:00:00Z"));
        store.remember(memory("t-micro", "2026-12-01T10:00:00.500123Z"));

        assertEquals(List.of("2026-12-01T10:00:00.000Z#t-whole", "2026-12-01T10:00:00.500Z#t-micro"),
                sortKeys("network"));
    }

    @Test
    void remember_keepsBothMemories_whenOneTicketIsRememberedTwice() {
        store.remember(memory("t-twice", "2026-12-01T10:00:00.000Z"));
        store.remember(memory("t-twice", "2026-12-01T11:00:00.000Z"));

        assertEquals(2, sortKeys("network").size());
        assertEquals(2, store.recall("network", "VPN drops", null, 10, 0.0).size());
    }
}
