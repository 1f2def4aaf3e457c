package dev.hauntedhelpdesk.lambda;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.hauntedhelpdesk.contract.Api;
import dev.hauntedhelpdesk.contract.ApiRequest;
import dev.hauntedhelpdesk.contract.ApiResponse;
import dev.hauntedhelpdesk.contract.ConverseRecorder;
import dev.hauntedhelpdesk.contract.Multipart;
import dev.hauntedhelpdesk.contract.SampleFiles;
import dev.hauntedhelpdesk.contract.ServerUnderTest;
import dev.hauntedhelpdesk.security.Caller;
import dev.hauntedhelpdesk.testing.AttachmentStores;
import dev.hauntedhelpdesk.testing.BackendProperties;
import dev.hauntedhelpdesk.testing.CognitoPool;
import dev.hauntedhelpdesk.testing.MotoServer;
import dev.hauntedhelpdesk.ticket.Category;
import dev.hauntedhelpdesk.ticket.NewTicket;
import dev.hauntedhelpdesk.ticket.Severity;
import dev.hauntedhelpdesk.ticket.Ticket;
import dev.hauntedhelpdesk.ticket.TicketRepositories;
import dev.hauntedhelpdesk.ticket.TicketRepository;
import dev.hauntedhelpdesk.ticket.Timestamps;
import io.micronaut.function.aws.proxy.MockLambdaContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Both functions configured as {@code lambda/template.yaml} deploys them: attachments on S3
 * (moto), triage on Bedrock (a local Converse endpoint), new tickets and the sweep's re-sends on
 * the SQS queue (moto). What the triage function does here (reading a screenshot from the bucket,
 * the cloud specialist's bucket lookup, the sweep sending a stale ticket again) no other suite
 * runs as that function, and its role's policy must cover exactly that. With the queue configured
 * the API function hands {@code /process} to the queue too, so its runs are the triage function's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TriageQueueHandlerAsDeployedTest {

    private static final Set<String> TERMINAL = Set.of("resolved", "escalated", "error");

    private final List<TriageQueueHandler> handlers = new ArrayList<>();
    private Map<String, Object> properties;
    private ConverseRecorder model;
    private SqsClient sqs;
    private String queueUrl;
    private String namedBucket;
    private ServerUnderTest server;
    private Api api;

    @BeforeAll
    void start() {
        URI moto = MotoServer.shared().endpoint();
        sqs = SqsClient.builder().endpointOverride(moto).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create()).build();
        queueUrl = sqs.createQueue(b -> b.queueName("triage-" + UUID.randomUUID())).queueUrl();
        AttachmentStores attachments = AttachmentStores.s3();
        try (S3Client s3 = AttachmentStores.client(moto)) {
            namedBucket = "team-exports-" + UUID.randomUUID().toString().substring(0, 8);
            s3.createBucket(b -> b.bucket(namedBucket));
        }
        model = new ConverseRecorder();
        properties = BackendProperties.forApp(BackendProperties.uniqueTableName());
        properties.putAll(attachments.properties());
        properties.put("helpdesk.triage.engine", "bedrock");
        properties.put("aws.services.bedrockruntime.endpoint-override", model.endpoint().toString());
        properties.put("helpdesk.triage.on-create", "true");
        properties.put("helpdesk.triage.queue-url", queueUrl);
        properties.put("aws.services.sqs.endpoint-override", moto.toString());
        server = LambdaRuntime.v2().start(properties);
        api = new Api(server, CognitoPool.shared());
    }

    @AfterAll
    void stop() {
        handlers.forEach(TriageQueueHandler::close);
        if (server != null) {
            server.close();
        }
        if (model != null) {
            model.close();
        }
    }

    /** A fresh instance of the triage function, as a new Lambda instance would start. */
    private TriageQueueHandler triageFunction() {
        TriageQueueHandler handler = SqsEventSource.triageFunction(properties);
        handlers.add(handler);
        return handler;
    }

    @Test
    void aQueuedCloudTicketWithAScreenshot_isTriagedOnBedrock_withTheImageFromS3_andTheBucketItNamesLookedUp()
            throws InterruptedException {
        byte[] png = SampleFiles.png(2000, 60);
        ApiResponse created = api.as("alice", new Multipart().ticket("Export job fails",
                        "Nightly exports to s3://" + namedBucket + " fail with access errors; screenshot attached",
                        "high", "cloud")
                .file("files[]", "error.png", "image/png", png)
                .to("POST", "/api/submit-ticket"));
        assertEquals(201, created.status(), created::toString);
        String id = created.json().get("ticket_id").asText();
        Message message = receive(id);

        SQSBatchResponse response = triageFunction().handleRequest(SqsEventSource.eventOf(List.of(message)), new MockLambdaContext());
        sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));

        assertTrue(response.getBatchItemFailures().isEmpty(), response::toString);
        String encoded = Base64.getEncoder().encodeToString(png);
        assertTrue(model.bodies().stream().anyMatch(b -> b.contains(encoded)),
                "no Converse request carried the screenshot read back from the bucket");
        JsonNode ticket = api.as("alice", ApiRequest.of("GET", "/api/tickets/" + id)).json();
        assertTrue(TERMINAL.contains(ticket.get("status").asText()), ticket::toString);
        assertTrue(ticket.get("workflow_log").toString().contains("s3_head_bucket " + namedBucket + ": ok (exists"),
                ticket::toString);
    }

    @Test
    void process_handedToTheTriageFunction_looksUpTheBucketATicketNames_andReportsAMissingOne() {
        String missing = "no-such-bucket-" + UUID.randomUUID().toString().substring(0, 8);
        ApiResponse created = api.as("alice", ApiRequest.of("POST", "/api/tickets").json(Api.ticketJson(
                "Reads failing", "Reads from s3://" + missing + " return NoSuchBucket since Monday", "medium", "cloud")));
        assertEquals(201, created.status(), created::toString);
        String id = created.json().get("ticket_id").asText();

        ApiResponse processed = api.as("carol", ApiRequest.of("POST", "/api/tickets/" + id + "/process")
                .header("Prefer", "respond-async"));
        Message message = receive(body -> body.startsWith("{\"ticket_id\":\"" + id + "\",\"requested\":true,"));
        SQSBatchResponse response = triageFunction().handleRequest(SqsEventSource.eventOf(List.of(message)),
                new MockLambdaContext());
        sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));

        assertEquals(202, processed.status(), processed::toString);
        assertTrue(response.getBatchItemFailures().isEmpty(), response::toString);
        JsonNode ticket = api.as("alice", ApiRequest.of("GET", "/api/tickets/" + id)).json();
        assertTrue(ticket.get("workflow_log").toString().contains("s3_head_bucket " + missing
                + ": failed (does not exist)"), ticket::toString);
    }

    @Test
    void theSweep_sendsATicketLeftPendingPastTheDispatchGrace_toTheQueueAgain() {
        String stale = UUID.randomUUID().toString();
        String then = Timestamps.format(Instant.now().minus(10, ChronoUnit.MINUTES));
        tickets().create(Ticket.open(stale, new NewTicket("Printer offline", "The third-floor printer is offline",
                Severity.MEDIUM, Category.HARDWARE), new Caller("requester-1", "alice", Set.of()), List.of(), then),
                null);

        // An instance's first invocation sweeps, whatever its batch holds.
        SQSBatchResponse response = triageFunction().handleRequest(new SQSEvent(), new MockLambdaContext());

        assertTrue(response.getBatchItemFailures().isEmpty(), response::toString);
        Message resent = receive(stale);
        sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(resent.receiptHandle()));
    }

    /** The repository over the context's table, reached the way the application reaches it. */
    private TicketRepository tickets() {
        DynamoDbClient dynamo = DynamoDbClient.builder()
                .endpointOverride(URI.create(String.valueOf(properties.get("aws.services.dynamodb.endpoint-override"))))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create()).build();
        return TicketRepositories.dynamo(dynamo, String.valueOf(properties.get("helpdesk.table-name")));
    }

    /** The queue's message for a ticket; others (other tests' tickets) are left for their tests. */
    private Message receive(String ticketId) {
        String body = new TriageMessage(ticketId, false, null).body();
        return receive(body::equals);
    }

    private Message receive(Predicate<String> body) {
        for (int i = 0; i < 10; i++) {
            List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)
                    .waitTimeSeconds(1).visibilityTimeout(0).attributeNamesWithStrings("All")).messages();
            Optional<Message> match = messages.stream().filter(m -> body.test(m.body())).findFirst();
            if (match.isPresent()) {
                return match.get();
            }
        }
        throw new AssertionError("No such message on " + queueUrl);
    }
}
