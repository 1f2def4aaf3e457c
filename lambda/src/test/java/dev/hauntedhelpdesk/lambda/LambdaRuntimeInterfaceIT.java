package dev.hauntedhelpdesk.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hauntedhelpdesk.process.BackendEnvironment;
import dev.hauntedhelpdesk.process.JavaProcess;
import dev.hauntedhelpdesk.testing.CognitoPool;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The packaged Lambda jar run as Lambda runs it: the AWS Lambda Runtime Interface Client (the
 * client inside the managed java21 runtime) loads the handler named in {@code _HANDLER} from the
 * artifact in a fresh JVM and polls a local Runtime API, which feeds it the sample API Gateway
 * events from {@code lambda/events/} and records the answers.
 */
class LambdaRuntimeInterfaceIT {

    private static final Path JAR = Path.of(System.getProperty("artifact.jar", "target/missing.jar"));
    private static final Path EVENTS = Path.of(System.getProperty("basedir", "."), "events");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String USER = "alice";

    @ParameterizedTest(name = "{0} via {1}")
    @CsvSource({
        "v2, dev.hauntedhelpdesk.lambda.HttpApiEventFunction",
        "v1, dev.hauntedhelpdesk.lambda.RestApiEventFunction"
    })
    void runtimeInterfaceClient_servesApiGatewayEvents_fromPackagedJar(String payload, String handler)
            throws Exception {
        CognitoPool pool = CognitoPool.shared();
        Map<String, String> placeholders = Map.of(
                "{{ACCESS_TOKEN}}", pool.accessToken(USER),
                "{{SUB}}", pool.sub(USER),
                "{{CLIENT_ID}}", pool.clientId());
        try (RuntimeApiStub api = new RuntimeApiStub()) {
            Map<String, String> env = BackendEnvironment.complete();
            env.putAll(lambdaEnvironment(api, handler));
            long started = System.nanoTime();
            try (JavaProcess runtime = JavaProcess.start(classpath(), RuntimeInterfaceLauncher.class.getName(), env)) {
                long initialized = awaitInit(api, runtime);

                long sent = System.nanoTime();
                Response health = invoke(api, runtime, event(payload + "-health.json", placeholders));
                long firstResponse = health.receivedNanos() - sent;
                assertEquals(200, health.status(), health.toString());
                assertEquals("UP", health.json().path("status").asText(), health.toString());

                Response anonymous = invoke(api, runtime, event(payload + "-list-tickets-unauthenticated.json",
                        placeholders));
                assertEquals(401, anonymous.status(), anonymous.toString());
                assertTrue(anonymous.header("content-type").startsWith("application/problem+json"),
                        anonymous.toString());
                assertEquals("https://haunted-helpdesk.dev/problems/unauthorized",
                        anonymous.json().path("type").asText(), anonymous.toString());

                Response created = invoke(api, runtime, event(payload + "-create-ticket.json", placeholders));
                assertEquals(201, created.status(), created.toString());
                String ticketId = created.json().path("ticket_id").asText();
                assertFalse(ticketId.isEmpty(), created.toString());
                assertEquals(pool.sub(USER), created.json().path("requester").asText(), created.toString());
                assertTrue(created.header("location").endsWith("/api/tickets/" + ticketId), created.toString());

                Map<String, String> withTicket = new java.util.HashMap<>(placeholders);
                withTicket.put("{{TICKET_ID}}", ticketId);
                Response fetched = invoke(api, runtime, event(payload + "-get-ticket.json", withTicket));
                assertEquals(200, fetched.status(), fetched.toString());
                assertEquals(ticketId, fetched.json().path("ticket_id").asText(), fetched.toString());
                assertEquals("VPN drops every few minutes", fetched.json().path("title").asText(), fetched.toString());
                assertEquals("pending", fetched.json().path("status").asText(), fetched.toString());

                System.out.printf("lambda runtime interface client (%s, %s): init %d ms (JVM start to first poll),"
                                + " first response %d ms (health event to its answer)%n", payload,
                        handler.substring(handler.lastIndexOf('.') + 1), (initialized - started) / 1_000_000,
                        firstResponse / 1_000_000);
            }
        }
    }

    /** The variables the Lambda service sets for a java21 function, plus where its Runtime API is. */
    static Map<String, String> lambdaEnvironment(RuntimeApiStub api, String handler) {
        return Map.ofEntries(
                Map.entry("AWS_LAMBDA_RUNTIME_API", api.address()),
                Map.entry("_HANDLER", handler),
                Map.entry("AWS_EXECUTION_ENV", "AWS_Lambda_java21"),
                Map.entry("AWS_LAMBDA_FUNCTION_NAME", "helpdesk"),
                Map.entry("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST"),
                Map.entry("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024"),
                Map.entry("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/helpdesk"),
                Map.entry("AWS_LAMBDA_LOG_STREAM_NAME", "2026/11/22/[$LATEST]0123456789abcdef"),
                Map.entry("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand"));
    }

    /** The artifact, the Runtime Interface Client and its two libraries, and the launcher. */
    static String classpath() {
        String ric = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> entry.contains("aws-lambda-java-runtime-interface-client")
                        || entry.contains("aws-lambda-java-serialization")
                        || entry.contains("aws-lambda-java-core"))
                .collect(Collectors.joining(File.pathSeparator));
        assertTrue(ric.contains("aws-lambda-java-runtime-interface-client"), "RIC missing from the test classpath");
        return String.join(File.pathSeparator, JAR.toString(), ric,
                System.getProperty("probe.classes", "target/test-classes"));
    }

    private static long awaitInit(RuntimeApiStub api, JavaProcess runtime) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (api.initError().isDone()) {
                fail("init error reported: " + api.initError().join() + "\n" + runtime.output());
            }
            if (api.firstPoll().isDone()) {
                return api.firstPoll().join();
            }
            if (!runtime.isAlive()) {
                fail("runtime exited during init: " + runtime.output());
            }
            Thread.sleep(20);
        }
        fail("runtime never polled for an event: " + runtime.output());
        return 0;
    }

    private static Response invoke(RuntimeApiStub api, JavaProcess runtime, String event) throws Exception {
        CompletableFuture<RuntimeApiStub.Answer> pending = api.invoke(event);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try {
                RuntimeApiStub.Answer answer = pending.get(50, TimeUnit.MILLISECONDS);
                if (answer.error()) {
                    fail("invocation error reported: " + answer.body() + "\n" + runtime.output());
                }
                return new Response(JSON.readTree(answer.body()), answer.receivedNanos());
            } catch (TimeoutException notYet) {
                if (!runtime.isAlive()) {
                    fail("runtime exited: " + runtime.output());
                }
            } catch (ExecutionException e) {
                throw new IllegalStateException(e);
            }
        }
        fail("no answer within 60 s: " + runtime.output());
        return null;
    }

    static String event(String file, Map<String, String> placeholders) throws IOException {
        String event = Files.readString(EVENTS.resolve(file));
        for (Map.Entry<String, String> placeholder : placeholders.entrySet()) {
            event = event.replace(placeholder.getKey(), placeholder.getValue());
        }
        assertFalse(event.contains("{{"), "unfilled placeholder in " + file);
        return event;
    }

    /** An API Gateway proxy response (v1 and v2 share these fields) as the runtime posted it. */
    record Response(JsonNode answer, long receivedNanos) {

        int status() {
            return answer.path("statusCode").asInt();
        }

        String header(String name) {
            for (String field : new String[] {"headers", "multiValueHeaders"}) {
                var headers = answer.path(field).properties();
                for (Map.Entry<String, JsonNode> header : headers) {
                    if (header.getKey().equalsIgnoreCase(name)) {
                        JsonNode value = header.getValue();
                        return value.isArray() ? value.path(0).asText() : value.asText();
                    }
                }
            }
            return "";
        }

        JsonNode json() throws IOException {
            String body = answer.path("body").asText("");
            if (answer.path("isBase64Encoded").asBoolean(false)) {
                body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
            }
            return JSON.readTree(body);
        }

        @Override
        public String toString() {
            return answer.toString();
        }
    }
}
