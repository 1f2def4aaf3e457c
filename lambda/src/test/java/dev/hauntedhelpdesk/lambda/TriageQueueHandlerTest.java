package dev.hauntedhelpdesk.lambda;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import dev.hauntedhelpdesk.contract.Api;
import dev.hauntedhelpdesk.contract.ApiRequest;
import dev.hauntedhelpdesk.contract.ApiResponse;
import dev.hauntedhelpdesk.contract.ServerUnderTest;
import dev.hauntedhelpdesk.testing.BackendProperties;
import dev.hauntedhelpdesk.testing.CognitoPool;
import dev.hauntedhelpdesk.testing.MotoServer;
import dev.hauntedhelpdesk.testing.MotoServer;
import dev.hauntedhelpdesk.ticket.Category;
import dev.hauntedhelpdesk.ticket.Ticket;
import dev.hauntedhelpdesk.ticket.TicketRepositories;
import dev.hauntedhelpdesk.ticket.TicketRepository;
import dev.hauntedhelpdesk.ticket.TicketStatus;
import io.micronaut.function.aws.proxy.MockLambdaContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Lambda artifact's second handler, {@link TriageQueueHandler}: fed an SQS event in the
 * exact shape Lambda delivers (deserialized by the Lambda runtime's own serializer) against
 * moto's DynamoDB, and end to end through moto's SQS: a ticket created through the API Gateway
 * handler is sent to the queue, received, and handed to the queue handler.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TriageQueueHandlerTest {

    /** The triage function's role in lambda/template.yaml. */
    static final String ROLE = "TriageFunction";
    private static final Set<String> TERMINAL = Set.of("resolved", "escalated", "error");

    private String table;
    private SqsClient sqs;
    private String queueUrl;
    private TriageQueueHandler handler;
    private ServerUnderTest api;

    @BeforeAll
    void start() {
        sqs = SqsClient.builder().endpointOverride(MotoServer.shared().endpoint()).region(software.amazon.awssdk.regions.Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create()).build();
        queueUrl = sqs.createQueue(b -> b.queueName("triage-" + UUID.randomUUID())).queueUrl();
        table = BackendProperties.uniqueTableName();
        Map<String, Object> properties = BackendProperties.forApp(table);
        properties.put("helpdesk.triage.on-create", "true");
        properties.put("helpdesk.triage.queue-url", queueUrl);
        properties.put("aws.services.sqs.endpoint-override", MotoServer.shared().endpoint().toString());
        handler = SqsEventSource.triageFunction(properties);
        api = LambdaRuntime.v2().start(properties);
    }

    @AfterAll
    void stop() {
        if (handler != null) {
            handler.close();
        }
        if (api != null) {
            api.close();
        }
    }

    @Test
    void aLambdaShapedSqsEvent_triagesItsTicket_failsOnlyTheBusyOne_andDropsTheMalformedOne() throws IOException {
        TicketRepository tickets = TicketRepositories.dynamo(MotoServer.shared().dynamoDb(), table);
        String pending = UUID.randomUUID().toString();
        tickets.create(TicketRepositories.pending(pending, "Outlook crashes",
                "Outlook crashes every time I open a message with a PDF attachment", null), null);
        String busy = UUID.randomUUID().toString();
        Ticket fresh = TicketRepositories.pending(busy, "Laptop will not boot", "Black screen", Category.HARDWARE);
        tickets.create(fresh.withStatus(TicketStatus.PROCESSING, fresh.updatedAt()), null);
        String json;
        try (InputStream in = getClass().getResourceAsStream("/sqs-triage-event.json")) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("%PENDING%", pending).replace("%BUSY%", busy);
        }
        SQSEvent event = LambdaEventSerializers.serializerFor(SQSEvent.class, getClass().getClassLoader())
                .fromJson(json);

        SQSBatchResponse response = handler.handleRequest(event, new MockLambdaContext());

        assertEquals(List.of("2e1424d4-f796-459a-8184-9c92662be6da"), response.getBatchItemFailures().stream()
                .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList());
        Ticket triaged = tickets.find(pending).orElseThrow();
        assertTrue(TERMINAL.contains(triaged.status().wire()), triaged::toString);
        assertEquals("software", triaged.category().wire());
        assertEquals("triage_finished", triaged.workflowLog().get(triaged.workflowLog().size() - 1).event());
        assertEquals("processing", tickets.find(busy).orElseThrow().status().wire());
    }

    @Test
    void aTicketCreatedThroughTheApi_travelsThroughMotosSqs_andIsTriagedByTheQueueHandler() {
        Api client = new Api(api, CognitoPool.shared());
        ApiResponse created = client.as("alice", ApiRequest.of("POST", "/api/tickets").json(Api.ticketJson(
                "Wi-Fi drops in meetings", "The office Wi-Fi keeps dropping during video calls on the third floor",
                "medium", null)));
        assertEquals(201, created.status(), created::toString);
        String id = created.json().get("ticket_id").asText();

        List<Message> received = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)
                .waitTimeSeconds(5).attributeNamesWithStrings("All")).messages();
        assertEquals(1, received.size(), received::toString);
        Message message = received.get(0);
        assertEquals("{\"ticket_id\":\"" + id + "\"}", message.body());
        SQSEvent event = SqsEventSource.eventOf(received);

        SQSBatchResponse response = handler.handleRequest(event, new MockLambdaContext());
        sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));

        assertTrue(response.getBatchItemFailures().isEmpty(), response::toString);
        JsonNode ticket = client.as("alice", ApiRequest.of("GET", "/api/tickets/" + id)).json();
        assertTrue(TERMINAL.contains(ticket.get("status").asText()), ticket::toString);
        assertEquals("network", ticket.get("category").asText());
        assertTrue(ticket.get("workflow_log").toString().contains("triage_finished"), ticket::toString);
    }
}
