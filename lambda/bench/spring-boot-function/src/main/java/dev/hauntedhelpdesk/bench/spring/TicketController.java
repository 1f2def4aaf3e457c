package dev.hauntedhelpdesk.bench.spring;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

import java.util.Map;

/**
 * One consistent GetItem on the project's table (pk {@code TICKET#<id>}, sk {@code TICKET}) and the
 * item as JSON, written by Spring's Jackson; no token check, so the figures show what the
 * framework alone costs.
 */
@RestController
class TicketController {

    private final DynamoDbClient dynamoDb;
    private final String table;

    TicketController(DynamoDbClient dynamoDb, @Value("${DYNAMODB_TABLE_NAME}") String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @GetMapping("/api/tickets/{id}")
    ResponseEntity<Map<String, Object>> ticket(@PathVariable("id") String id) {
        GetItemResponse response = dynamoDb.getItem(b -> b.tableName(table).consistentRead(true).key(Map.of(
                "pk", AttributeValue.fromS("TICKET#" + id), "sk", AttributeValue.fromS("TICKET"))));
        if (!response.hasItem() || response.item().isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok(Items.plain(response.item()));
    }
}
