package dev.hauntedhelpdesk.bench.plain;

import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tickets read from the project's table (src/README.md, "DynamoDB table design": {@code pk} =
 * {@code TICKET#<id>}, {@code sk} = {@code TICKET}) and written as the API's ticket JSON, fields in
 * the project's order, absent ones as {@code null}. The client is the SDK's plain one with the
 * url-connection HTTP client, as the project uses; AWS_ENDPOINT_URL_DYNAMODB is read by the SDK.
 */
final class Tickets {

    private static final List<String> TEXT_FIELDS = List.of(
            "ticket_id", "title", "description", "severity", "category", "status", "requester", "assignee", "resolution");

    private final DynamoDbClient client;
    private final String table;

    private Tickets(DynamoDbClient client, String table) {
        this.client = client;
        this.table = table;
    }

    /** A stored ticket: whose it is, its version (the ETag) and its JSON. */
    record Found(String requester, long version, String json) {
    }

    static Tickets fromEnvironment() {
        String table = System.getenv("DYNAMODB_TABLE_NAME");
        if (table == null || table.isBlank()) {
            throw new IllegalStateException("DYNAMODB_TABLE_NAME is not set");
        }
        DynamoDbClient client = DynamoDbClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(Region.of(System.getenv("AWS_REGION")))
                .credentialsProvider(EnvironmentVariableCredentialsProvider.create())
                .build();
        return new Tickets(client, table);
    }

    /** The ticket, or {@code null} when there is none with this id. */
    Found get(String ticketId) {
        GetItemResponse response = client.getItem(b -> b.tableName(table).consistentRead(true).key(Map.of(
                "pk", AttributeValue.fromS("TICKET#" + ticketId), "sk", AttributeValue.fromS("TICKET"))));
        if (!response.hasItem() || response.item().isEmpty()) {
            return null;
        }
        Map<String, AttributeValue> item = response.item();
        long version = Long.parseLong(item.get("version").n());
        return new Found(text(item, "requester"), version, Json.write(ticket(item, version)));
    }

    private static Map<String, Object> ticket(Map<String, AttributeValue> item, long version) {
        Map<String, Object> ticket = new LinkedHashMap<>();
        TEXT_FIELDS.forEach(field -> ticket.put(field, text(item, field)));
        ticket.put("workflow_log", maps(item.get("workflow_log"), List.of("at", "actor", "event", "detail")));
        ticket.put("attachments", maps(item.get("attachments"),
                List.of("attachment_id", "file_name", "content_type", "size")));
        ticket.put("created_at", text(item, "created_at"));
        ticket.put("updated_at", text(item, "updated_at"));
        ticket.put("version", version);
        return ticket;
    }

    private static List<Map<String, Object>> maps(AttributeValue list, List<String> fields) {
        List<Map<String, Object>> entries = new ArrayList<>();
        if (list == null || !list.hasL()) {
            return entries;
        }
        for (AttributeValue value : list.l()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            for (String field : fields) {
                AttributeValue v = value.m().get(field);
                entry.put(field, v == null ? null : v.n() != null ? (Object) Long.parseLong(v.n()) : v.s());
            }
            entries.add(entry);
        }
        return entries;
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }
}
