package dev.hauntedhelpdesk.container;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hauntedhelpdesk.egress.IsolatedNetwork;
import dev.hauntedhelpdesk.egress.NamespacedProcess;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The packaged container jar contacts nothing its configuration does not name: started in a
 * network namespace whose only way out is the veth pair to its back-ends (moto's DynamoDB and
 * Cognito JWKS, by IP address), with a listener on the cloud metadata addresses and a DNS logger
 * as its resolver, it starts, loads the local model, answers health and an authenticated create
 * and get, triages the ticket in the background, and neither asks the metadata service nor
 * resolves a single name.
 */
class ContainerEgressIT {

    private static final Path JAR = Path.of(System.getProperty("artifact.jar", "target/missing.jar"));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PORT = 8000;
    private static final Duration STARTUP = Duration.ofSeconds(90);
    private static final Set<String> UNFINISHED = Set.of("pending", "processing");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void startupAndFirstRequests_contactNothingTheConfigurationDoesNotName() throws Exception {
        try (IsolatedNetwork network = IsolatedNetwork.start()) {
            String token = network.pool().accessToken("alice");
            Map<String, String> env = network.backendEnvironment();
            env.put("API_PORT", Integer.toString(PORT));
            URI base = URI.create("http://" + network.namespace().address() + ":" + PORT);
            try (NamespacedProcess app = network.java(env, "-jar", JAR.toString())) {
                awaitReady(app, base);

                assertEquals(200, send(get(base, "/health")).statusCode());
                HttpResponse<String> created = send(HttpRequest.newBuilder(base.resolve("/api/tickets"))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"VPN drops every few minutes\","
                                + "\"description\":\"The office VPN disconnects every five minutes\",\"severity\":\"high\"}"))
                        .build());
                assertEquals(201, created.statusCode(), created.body());
                String ticketId = JSON.readTree(created.body()).path("ticket_id").asText();

                JsonNode triaged = awaitTriage(app, base, token, ticketId);
                assertEquals(ticketId, triaged.path("ticket_id").asText(), triaged.toString());
                assertTrue(app.output().contains("Local triage model loaded"),
                        "the local model (and its tokenizer) must have loaded: " + app.output());

                network.assertNoContact(app);
            }
        }
    }

    private void awaitReady(NamespacedProcess app, URI base) throws InterruptedException {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline && app.isAlive()) {
            try {
                if (send(get(base, "/health/ready")).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            }
            Thread.sleep(100);
        }
        fail("never ready on " + base + ": " + app.output());
    }

    /** Reads the ticket until the background triage run has written its outcome. */
    private JsonNode awaitTriage(NamespacedProcess app, URI base, String token, String ticketId) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode ticket = null;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> fetched = send(HttpRequest.newBuilder(base.resolve("/api/tickets/" + ticketId))
                    .header("Authorization", "Bearer " + token).build());
            assertEquals(200, fetched.statusCode(), fetched.body());
            ticket = JSON.readTree(fetched.body());
            if (!UNFINISHED.contains(ticket.path("status").asText())) {
                return ticket;
            }
            Thread.sleep(200);
        }
        fail("triage never finished: " + ticket + "\n" + app.output());
        return ticket;
    }

    private static HttpRequest get(URI base, String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10)).build();
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
