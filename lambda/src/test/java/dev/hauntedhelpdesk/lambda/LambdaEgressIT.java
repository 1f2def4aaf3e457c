package dev.hauntedhelpdesk.lambda;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hauntedhelpdesk.egress.IsolatedNetwork;
import dev.hauntedhelpdesk.egress.NamespacedProcess;
import dev.hauntedhelpdesk.testing.CognitoPool;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The packaged Lambda jar contacts nothing its configuration does not name: the Runtime Interface
 * Client runs the template's HTTP API handler from the artifact in a network namespace whose only way out is
 * the veth pair to the Runtime API and the back-ends (moto's DynamoDB, SQS triage queue and
 * Cognito JWKS, by IP address), with a listener on the cloud metadata addresses and a DNS logger
 * as its resolver. Its init, a health event, an authenticated create (which queues the ticket), get
 * and a {@code /process} (handed to the queue), then the triage function's init (local model
 * included) and its run of the queued message, ask neither the metadata service nor the resolver
 * anything.
 */
class LambdaEgressIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The HTTP API function's handler, as the template deploys it. */
    private static final String HANDLER = (String) SamTemplate.load().properties("ApiFunction").get("Handler");
    private static final String USER = "alice";

    @Test
    void initAndFirstInvocations_contactNothingTheConfigurationDoesNotName() throws Exception {
        try (IsolatedNetwork network = IsolatedNetwork.start();
             RuntimeApiStub api = new RuntimeApiStub(InetAddress.getByName(network.namespace().hostAddress()));
             SqsClient queue = SqsClient.builder().region(Region.US_EAST_1).endpointOverride(network.motoEndpoint())
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                     .httpClient(UrlConnectionHttpClient.create()).build()) {
            CognitoPool pool = network.pool();
            Map<String, String> placeholders = new HashMap<>(Map.of(
                    "{{ACCESS_TOKEN}}", pool.accessToken(USER),
                    "{{SUB}}", pool.sub(USER),
                    "{{CLIENT_ID}}", pool.clientId()));
            Map<String, String> env = network.backendEnvironment();
            env.putAll(LambdaRuntimeInterfaceIT.lambdaEnvironment(api, HANDLER));
            // Set by the Lambda service in every function's environment.
            env.put("AWS_REGION", pool.region());
            String queueUrl = queue.createQueue(r -> r.queueName("helpdesk-triage")).queueUrl();
            env.put("TRIAGE_QUEUE_URL", queueUrl);
            env.put("AWS_ENDPOINT_URL_SQS", network.motoEndpoint().toString());
            try (NamespacedProcess runtime = network.java(env, "-cp", LambdaRuntimeInterfaceIT.classpath(),
                    RuntimeInterfaceLauncher.class.getName())) {
                awaitInit(api, runtime);

                var health = invoke(api, runtime, LambdaRuntimeInterfaceIT.event("v2-health.json", placeholders));
                assertEquals(200, health.status(), health.toString());

                var created = invoke(api, runtime, LambdaRuntimeInterfaceIT.event("v2-create-ticket.json", placeholders));
                assertEquals(201, created.status(), created.toString());
                String ticketId = created.json().path("ticket_id").asText();
                assertFalse(ticketId.isEmpty(), created.toString());
                placeholders.put("{{TICKET_ID}}", ticketId);
                String queued = queue.receiveMessage(r -> r.queueUrl(queueUrl).waitTimeSeconds(10)).messages().stream()
                        .map(Message::body).findFirst().orElse("");
                assertTrue(queued.contains(ticketId), "the new ticket should be queued for triage: " + queued);

                var fetched = invoke(api, runtime, LambdaRuntimeInterfaceIT.event("v2-get-ticket.json", placeholders));
                assertEquals(200, fetched.status(), fetched.toString());

                // With the queue configured the API function hands the run to the triage function.
                var processed = invoke(api, runtime, processEvent(placeholders, ticketId));
                assertEquals(202, processed.status(), processed.toString());
                Message requested = queue.receiveMessage(r -> r.queueUrl(queueUrl).waitTimeSeconds(10)
                        .maxNumberOfMessages(10)).messages().stream()
                        .filter(m -> m.body().contains("\"requested\":true")).findFirst()
                        .orElseThrow(() -> new AssertionError("the run should be queued for the triage function"));
                assertFalse(runtime.output().contains("Local triage model loaded"),
                        "the API function must not load the local model: " + runtime.output());
                network.assertNoContact(runtime);

                triage(network, env, queueUrl, requested);
            }
        }
    }

    /** The template's triage function, from the same artifact, runs the queued message: the local model loads. */
    private static void triage(IsolatedNetwork network, Map<String, String> apiEnv, String queueUrl, Message message)
            throws Exception {
        String handler = (String) SamTemplate.load().properties("TriageFunction").get("Handler");
        try (RuntimeApiStub api = new RuntimeApiStub(InetAddress.getByName(network.namespace().hostAddress()))) {
            Map<String, String> env = new HashMap<>(apiEnv);
            env.putAll(LambdaRuntimeInterfaceIT.lambdaEnvironment(api, handler));
            try (NamespacedProcess runtime = network.java(env, "-cp", LambdaRuntimeInterfaceIT.classpath(),
                    RuntimeInterfaceLauncher.class.getName())) {
                awaitInit(api, runtime);
                ObjectNode record = JSON.createObjectNode()
                        .put("messageId", message.messageId())
                        .put("receiptHandle", message.receiptHandle())
                        .put("body", message.body())
                        .put("md5OfBody", message.md5OfBody())
                        .put("eventSource", "aws:sqs")
                        .put("eventSourceARN", "arn:aws:sqs:us-east-1:123456789012:" + queueUrl.substring(
                                queueUrl.lastIndexOf('/') + 1))
                        .put("awsRegion", "us-east-1");
                ObjectNode event = JSON.createObjectNode();
                event.putArray("Records").add(record);

                var answer = invoke(api, runtime, JSON.writeValueAsString(event));

                assertEquals(0, answer.answer().path("batchItemFailures").size(), answer.toString());
                assertTrue(runtime.output().contains("Local triage model loaded"),
                        "the local model (and its tokenizer) must have loaded: " + runtime.output());
                network.assertNoContact(runtime);
            }
        }
    }

    /** The sample get event turned into {@code POST /api/tickets/{id}/process}. */
    private static String processEvent(Map<String, String> placeholders, String ticketId) throws Exception {
        Map<String, String> process = new HashMap<>(placeholders);
        process.put("{{TICKET_ID}}", ticketId + "/process");
        String event = LambdaRuntimeInterfaceIT.event("v2-get-ticket.json", process);
        ObjectNode tree = (ObjectNode) JSON.readTree(event);
        ((ObjectNode) tree.path("requestContext").path("http")).put("method", "POST");
        ((ObjectNode) tree.path("headers")).put("prefer", "respond-async");
        return JSON.writeValueAsString(tree);
    }

    private static void awaitInit(RuntimeApiStub api, NamespacedProcess runtime) throws Exception {
        try {
            api.firstPoll().get(90, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            fail("runtime never polled for an event: " + runtime.output());
        }
        if (api.initError().isDone()) {
            fail("init error reported: " + api.initError().join() + "\n" + runtime.output());
        }
    }

    private static LambdaRuntimeInterfaceIT.Response invoke(RuntimeApiStub api, NamespacedProcess runtime,
                                                            String event) throws Exception {
        try {
            RuntimeApiStub.Answer answer = api.invoke(event).get(60, TimeUnit.SECONDS);
            if (answer.error()) {
                fail("invocation error reported: " + answer.body() + "\n" + runtime.output());
            }
            return new LambdaRuntimeInterfaceIT.Response(JSON.readTree(answer.body()), answer.receivedNanos());
        } catch (TimeoutException | ExecutionException e) {
            fail("no answer within 60 s (" + e + "): " + runtime.output());
            return null;
        }
    }
}
