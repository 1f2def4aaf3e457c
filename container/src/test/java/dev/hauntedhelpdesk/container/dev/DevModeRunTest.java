package dev.hauntedhelpdesk.container.dev;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.hauntedhelpdesk.container.Application;
import dev.hauntedhelpdesk.process.JavaProcess;
import dev.hauntedhelpdesk.testing.FreePort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Dev mode as a developer starts it: {@link Application} in a fresh JVM with
 * {@code MICRONAUT_ENVIRONMENTS=dev} and nothing else configured.
 */
class DevModeRunTest {

    private static final Duration STARTUP = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void devMode_servesRealPoolTokens_andTheApi_andStopsItsMotoServerOnExit() throws Exception {
        int port = FreePort.find();
        List<ProcessHandle> children;
        try (JavaProcess dev = JavaProcess.start(Application.class.getName(),
                Map.of("MICRONAUT_ENVIRONMENTS", "dev", "API_PORT", Integer.toString(port)))) {
            String base = "http://127.0.0.1:" + port;
            awaitReady(dev, base);
            children = dev.descendants();
            assertTrue(children.stream().anyMatch(child -> child.info().commandLine().orElse("").contains("moto_server")),
                    "dev mode runs moto_server as its child: " + children.stream().map(ProcessHandle::info).toList());

            HttpResponse<String> tokensResponse = get(base + "/dev/tokens", null);
            assertEquals(200, tokensResponse.statusCode(), tokensResponse.body());
            Map<?, ?> tokens = JSON.readValue(tokensResponse.body(), Map.class);
            assertEquals(List.of("admin", "agent", "requester"), tokens.keySet().stream().sorted().toList());

            JWTClaimsSet requester = SignedJWT.parse((String) tokens.get("requester")).getJWTClaimsSet();
            JWTClaimsSet admin = SignedJWT.parse((String) tokens.get("admin")).getJWTClaimsSet();
            assertTrue(requester.getIssuer().matches("https://cognito-idp\\.us-east-1\\.amazonaws\\.com/us-east-1_\\w+"),
                    requester.getIssuer());
            assertEquals("access", requester.getStringClaim("token_use"));
            assertEquals(Set.of("agents", "admins"), Set.copyOf(admin.getStringListClaim("cognito:groups")));
            assertEquals(null, requester.getStringListClaim("cognito:groups"));

            HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(base + "/api/tickets"))
                    .header("Authorization", "Bearer " + tokens.get("requester"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"title\":\"VPN drops\",\"description\":\"Disconnects every 5 minutes\",\"severity\":\"high\"}")));
            assertEquals(201, created.statusCode(), created.body());
            String ticketId = (String) JSON.readValue(created.body(), Map.class).get("ticket_id");
            assertEquals(requester.getSubject(), JSON.readValue(created.body(), Map.class).get("requester"));

            HttpResponse<String> asAgent = get(base + "/api/tickets/" + ticketId, (String) tokens.get("agent"));
            assertEquals(200, asAgent.statusCode(), asAgent.body());
            assertEquals(401, get(base + "/api/tickets", null).statusCode());
            HttpResponse<String> swaggerUi = get(base + "/dev/swagger-ui", null);
            assertEquals(200, swaggerUi.statusCode(), swaggerUi.body());
            assertTrue(swaggerUi.body().contains("url: \"/openapi.yml\""), swaggerUi.body());
            assertTrue(swaggerUi.body().contains("validatorUrl: null"), "the online validator stays off");
            HttpResponse<String> bundle = get(base + "/dev/swagger-ui/swagger-ui-bundle.js", null);
            assertEquals(200, bundle.statusCode());
            assertTrue(bundle.body().contains("SwaggerUIBundle"), "the bundle comes from the webjar");
            assertEquals(404, get(base + "/dev/swagger-ui/..%2Fpom.properties", null).statusCode());
            // The home-made issuer's key set is gone: keys come from moto's pool only.
            assertNotEquals(200, get(base + "/dev/.well-known/jwks.json", null).statusCode());
        }
        for (ProcessHandle child : children) {
            try {
                child.onExit().get(15, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                child.destroyForcibly();
                fail("left running after dev mode stopped: " + child.info());
            }
        }
    }

    @Test
    void devMode_stopsAtOnce_withOneLineSayingWhatToInstall_whenMotoServerIsNotOnPath(@TempDir Path empty) {
        try (JavaProcess dev = JavaProcess.start(Application.class.getName(),
                Map.of("MICRONAUT_ENVIRONMENTS", "dev", "PATH", empty.toString()))) {
            int exit = dev.waitFor(30);
            String output = dev.output();
            assertNotEquals(-1, exit, "still running: " + output);
            assertNotEquals(0, exit, output);
            assertEquals(List.of("Dev mode needs moto_server on PATH: install it with pip install 'moto[server]'"),
                    output.lines().filter(line -> !line.isBlank()).toList());
        }
    }

    /** Ready, and the banner logged (the server may answer a moment before the start-up event ends). */
    private void awaitReady(JavaProcess dev, String base) throws InterruptedException {
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline) && dev.isAlive()) {
            try {
                if (get(base + "/health/readiness", null).statusCode() == 200 && dev.output().contains("Dev mode ready")) {
                    return;
                }
            } catch (IllegalStateException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("dev mode not ready within " + STARTUP.toSeconds() + " s: " + dev.output());
    }

    private HttpResponse<String> get(String url, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
