package dev.hauntedhelpdesk.container.triage;

import dev.hauntedhelpdesk.testing.BackendProperties;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The container opens its port before the local model has loaded (it loads as the server starts,
 * taking seconds); until it has, readiness answers 503, so the load balancer sends no ticket to a
 * task that could not triage it. Liveness is 200 all along: the task is not to be restarted.
 */
class ReadinessWaitsForTheModelTest {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void readinessIs503_untilTheLocalModelHasLoaded_thenReady() throws Exception {
        int port = freePort();
        Map<String, Object> properties = BackendProperties.forApp(BackendProperties.uniqueTableName());
        properties.put("micronaut.server.port", port);
        properties.put("test.engine-load-gate", "true");
        CompletableFuture<EmbeddedServer> started = CompletableFuture.supplyAsync(
                () -> ApplicationContext.run(EmbeddedServer.class, properties));
        try {
            HttpResponse<String> whileLoading = firstAnswer(port, "/health/readiness");
            HttpResponse<String> livenessWhileLoading = get(port, "/health/liveness");

            EngineLoadGate.OPEN.countDown();
            started.get(60, TimeUnit.SECONDS);
            HttpResponse<String> loaded = get(port, "/health/readiness");

            assertEquals(503, whileLoading.statusCode(), whileLoading::body);
            assertTrue(whileLoading.body().contains("\"DOWN\""), whileLoading::body);
            assertEquals(200, livenessWhileLoading.statusCode(), livenessWhileLoading::body);
            assertEquals(200, loaded.statusCode(), loaded::body);
        } finally {
            EngineLoadGate.OPEN.countDown();
            started.get(60, TimeUnit.SECONDS).getApplicationContext().close();
        }
    }

    /** The first answer once the port is open (the context is still starting). */
    private HttpResponse<String> firstAnswer(int port, String path) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try {
                return get(port, path);
            } catch (IOException notYetListening) {
                Thread.sleep(50);
            }
        }
        throw new AssertionError("the server never opened port " + port);
    }

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
