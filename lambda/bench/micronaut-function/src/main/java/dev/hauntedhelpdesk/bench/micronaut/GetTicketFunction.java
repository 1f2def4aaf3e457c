package dev.hauntedhelpdesk.bench.micronaut;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.context.annotation.Value;
import io.micronaut.function.aws.MicronautRequestHandler;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Inject;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * A reference subject of the benchmark: {@code GET /api/tickets/{id}} as a bare Micronaut function
 * would serve it behind an HTTP API (payload 2.0). The handler's fields are injected from the
 * application context it starts during Lambda's init; no HTTP server, no router, no token check:
 * one consistent GetItem on the project's table (pk {@code TICKET#<id>}, sk {@code TICKET}) and
 * the item as JSON, so the figures show what the framework alone costs.
 */
public class GetTicketFunction extends MicronautRequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private static final String PREFIX = "/api/tickets/";

    @Inject
    DynamoDbClient dynamoDb;

    @Inject
    JsonMapper json;

    @Value("${bench.table-name}")
    String table;

    @Override
    public APIGatewayV2HTTPResponse execute(APIGatewayV2HTTPEvent event) {
        String path = event.getRawPath() == null ? "" : event.getRawPath();
        if (!"GET".equals(event.getRequestContext().getHttp().getMethod()) || !path.startsWith(PREFIX)) {
            return answer(404, "{\"title\":\"Not Found\"}");
        }
        String id = path.substring(PREFIX.length());
        GetItemResponse response = dynamoDb.getItem(b -> b.tableName(table).consistentRead(true).key(Map.of(
                "pk", AttributeValue.fromS("TICKET#" + id), "sk", AttributeValue.fromS("TICKET"))));
        if (!response.hasItem() || response.item().isEmpty()) {
            return answer(404, "{\"title\":\"Not Found\"}");
        }
        try {
            return answer(200, json.writeValueAsString(Items.plain(response.item())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static APIGatewayV2HTTPResponse answer(int status, String body) {
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(status)
                .withHeaders(Map.of("Content-Type", "application/json"))
                .withBody(body)
                .withIsBase64Encoded(false)
                .build();
    }
}
