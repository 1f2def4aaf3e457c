package dev.hauntedhelpdesk.contract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hauntedhelpdesk.testing.AttachmentStores;
import dev.hauntedhelpdesk.testing.BackendProperties;
import dev.hauntedhelpdesk.testing.CognitoPool;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code /health} tells a signed-in caller, per dependency (the table, the JWKS, the attachment
 * store, the model), its status and {@code latency_ms}, and which build answers since when; an
 * anonymous caller gets only the status. A failing attachment store shows in its details without
 * taking the service out of the load balancer.
 */
public abstract class HealthDetailsContract {

    protected abstract RuntimeUnderTest runtime();

    @Test
    void anonymousHealth_isTheStatusOnly() {
        try (ServerUnderTest server = runtime().start(BackendProperties.forApp(BackendProperties.uniqueTableName()))) {
            ApiResponse health = new Api(server, CognitoPool.shared()).send(ApiRequest.of("GET", "/health"));

            assertEquals(200, health.status(), health::toString);
            assertEquals("UP", health.json().path("status").asText(), health::toString);
            assertTrue(health.json().path("details").isMissingNode(), health::toString);
        }
    }

    @Test
    void signedInHealth_givesEachDependencysStatusAndLatency_andTheBuildsVersionAndUptime() {
        AttachmentStores store = AttachmentStores.s3();
        Map<String, Object> properties = BackendProperties.forApp(BackendProperties.uniqueTableName());
        properties.putAll(store.properties());
        try (ServerUnderTest server = runtime().start(properties)) {
            Instant before = Instant.now();
            ApiResponse health = new Api(server, CognitoPool.shared()).as("carol", ApiRequest.of("GET", "/health"));

            assertEquals(200, health.status(), health::toString);
            JsonNode details = health.json().path("details");
            for (String dependency : new String[] {"dynamodb", "jwks", "attachments"}) {
                JsonNode one = details.path(dependency);
                assertEquals("UP", one.path("status").asText(), health::toString);
                assertTrue(one.path("details").path("latency_ms").isNumber(), dependency + ": " + health);
                assertTrue(one.path("details").path("latency_ms").asDouble() >= 0, dependency + ": " + health);
            }
            assertEquals("ACTIVE", details.path("dynamodb").path("details").path("table_status").asText(), health::toString);
            assertEquals("fetched", details.path("jwks").path("details").path("keys").asText(), health::toString);
            JsonNode attachments = details.path("attachments").path("details");
            assertEquals("s3://" + ((AttachmentStores.S3) store).bucket(), attachments.path("location").asText());
            assertTrue(attachments.path("reachable").asBoolean(), health::toString);
            assertEquals("UP", details.path("triage").path("status").asText(), health::toString);

            JsonNode application = details.path("application").path("details");
            assertEquals(buildVersion(), application.path("version").asText(), health::toString);
            assertTrue(application.path("uptime_s").asLong() >= 0, health::toString);
            Instant stamped = Instant.parse(application.path("timestamp").asText());
            assertFalse(stamped.isBefore(before.minusSeconds(1)) || stamped.isAfter(Instant.now().plusSeconds(1)),
                    health::toString);
            assertFalse(Instant.parse(application.path("started_at").asText()).isAfter(stamped), health::toString);
        }
    }

    @Test
    void unreachableAttachmentStore_showsInItsDetails_whileTheServiceStaysUpAndReady() {
        Map<String, Object> properties = BackendProperties.forApp(BackendProperties.uniqueTableName());
        properties.put("helpdesk.attachment-store", "s3");
        properties.put("helpdesk.attachment-bucket", "attachments-nowhere");
        properties.put("aws.services.s3.endpoint-override", "http://127.0.0.1:" + closedPort());
        try (ServerUnderTest server = runtime().start(properties)) {
            Api api = new Api(server, CognitoPool.shared());
            long started = System.nanoTime();
            ApiResponse health = api.as("carol", ApiRequest.of("GET", "/health"));
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertEquals(200, health.status(), health::toString);
            JsonNode attachments = health.json().path("details").path("attachments");
            assertEquals("UP", attachments.path("status").asText(), health::toString);
            assertFalse(attachments.path("details").path("reachable").asBoolean(true), health::toString);
            assertFalse(attachments.path("details").path("error").asText().isEmpty(), health::toString);
            assertTrue(took.toMillis() < 4000, "health took " + took);
            ApiResponse ready = api.send(ApiRequest.of("GET", "/health/readiness"));
            assertEquals(200, ready.status(), ready::toString);
        }
    }

    /** The project version the build wrote into the shared jar. */
    private static String buildVersion() {
        try (InputStream in = HealthDetailsContract.class.getResourceAsStream("/helpdesk-build.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version");
            assertTrue(version.matches("\\d+\\.\\d+\\.\\d+.*"), "filtered at build time: " + version);
            return version;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
