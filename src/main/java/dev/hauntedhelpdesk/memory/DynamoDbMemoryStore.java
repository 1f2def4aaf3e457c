package dev.hauntedhelpdesk.memory;

import dev.hauntedhelpdesk.config.HelpdeskSettings;
import dev.hauntedhelpdesk.dynamodb.HelpdeskTable;
import dev.hauntedhelpdesk.dynamodb.StoreFailures;
import dev.hauntedhelpdesk.ticket.Timestamps;
import jakarta.inject.Singleton;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Memories in the single table: {@code pk = MEMORY#<category>}, {@code sk = <created_at>#<ticket_id>}, the
 * time in {@link Timestamps}' fixed-width form, so that keys sort in time order whatever precision the
 * caller's instant had (recall reads the newest first).
 * Recall is one Query on a category's newest {@value #RECALL_WINDOW} memories, ranked in code:
 * bounded work per request and no Scan. The embedding is stored as little-endian float32 bytes.
 */
@Singleton
public class DynamoDbMemoryStore implements MemoryStore {

    static final String PREFIX = "MEMORY#";
    static final int RECALL_WINDOW = 200;

    private static final String TICKET_ID = "ticket_id";
    private static final String CATEGORY = "category";
    private static final String QUERY = "query";
    private static final String RESOLUTION = "resolution";
    private static final String KEYWORDS = "keywords";
    private static final String EMBEDDING = "embedding";
    private static final String CREATED_AT = "created_at";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbMemoryStore(DynamoDbClient dynamo, HelpdeskSettings settings) {
        this(dynamo, settings.tableName());
    }

    public DynamoDbMemoryStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public List<RecalledMemory> recall(String category, String text, float[] embedding, int limit, double threshold) {
        List<String> keywords = Keywords.of(text);
        QueryResponse response;
        try {
            response = dynamo.query(b -> b.tableName(table)
                    .keyConditionExpression("#pk = :pk")
                    .expressionAttributeNames(Map.of("#pk", HelpdeskTable.PK))
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(PREFIX + category)))
                    .scanIndexForward(false)
                    .limit(RECALL_WINDOW));
        } catch (SdkException e) {
            throw StoreFailures.of(e);
        }
        List<RecalledMemory> found = new ArrayList<>();
        for (Map<String, AttributeValue> item : response.items()) {
            Memory memory = fromItem(item);
            double similarity = embedding != null && memory.embedding() != null
                    ? Keywords.cosine(embedding, memory.embedding())
                    : Keywords.overlap(keywords, memory.keywords());
            if (similarity >= threshold) {
                found.add(new RecalledMemory(memory, similarity));
            }
        }
        found.sort(Comparator.comparingDouble(RecalledMemory::similarity).reversed());
        return found.size() > limit ? List.copyOf(found.subList(0, limit)) : List.copyOf(found);
    }

    @Override
    public void remember(Memory memory) {
        String createdAt = Timestamps.format(Instant.parse(memory.createdAt()));
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(HelpdeskTable.PK, AttributeValue.fromS(PREFIX + memory.category()));
        item.put(HelpdeskTable.SK, AttributeValue.fromS(createdAt + "#" + memory.ticketId()));
        item.put(TICKET_ID, AttributeValue.fromS(memory.ticketId()));
        item.put(CATEGORY, AttributeValue.fromS(memory.category()));
        item.put(QUERY, AttributeValue.fromS(memory.query()));
        item.put(RESOLUTION, AttributeValue.fromS(memory.resolution()));
        item.put(CREATED_AT, AttributeValue.fromS(createdAt));
        if (!memory.keywords().isEmpty()) {
            item.put(KEYWORDS, AttributeValue.fromL(memory.keywords().stream().map(AttributeValue::fromS).toList()));
        }
        if (memory.embedding() != null) {
            ByteBuffer bytes = ByteBuffer.allocate(memory.embedding().length * Float.BYTES)
                    .order(ByteOrder.LITTLE_ENDIAN);
            for (float f : memory.embedding()) {
                bytes.putFloat(f);
            }
            item.put(EMBEDDING, AttributeValue.fromB(SdkBytes.fromByteArray(bytes.array())));
        }
        try {
            dynamo.putItem(b -> b.tableName(table).item(item));
        } catch (SdkException e) {
            throw StoreFailures.of(e);
        }
    }

    private static Memory fromItem(Map<String, AttributeValue> item) {
        float[] embedding = null;
        AttributeValue raw = item.get(EMBEDDING);
        if (raw != null && raw.b() != null) {
            ByteBuffer bytes = raw.b().asByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
            embedding = new float[bytes.remaining() / Float.BYTES];
            for (int i = 0; i < embedding.length; i++) {
                embedding[i] = bytes.getFloat();
            }
        }
        AttributeValue keywords = item.get(KEYWORDS);
        return new Memory(s(item, TICKET_ID), s(item, CATEGORY), s(item, QUERY), s(item, RESOLUTION),
                keywords == null || !keywords.hasL() ? List.of() : keywords.l().stream().map(AttributeValue::s).toList(),
                embedding, s(item, CREATED_AT));
    }

    private static String s(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }
}
