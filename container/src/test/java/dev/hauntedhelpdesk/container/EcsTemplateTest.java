package dev.hauntedhelpdesk.container;

import io.micronaut.core.convert.ConversionService;
import io.micronaut.http.server.HttpServerConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code container/template.yaml} against what the code reads and does: the task's variables,
 * the attachment store, the stop and drain timings, and the ALB's Cognito client.
 */
class EcsTemplateTest {

    private static final Map<String, String> WITH_IMAGE = Map.of("ImageTag", "1.0.0");
    private static final Map<String, String> WITH_ALB_AUTHENTICATION = Map.of("ImageTag", "1.0.0",
            "CognitoDomainPrefix", "helpdesk-login", "DomainName", "helpdesk.example.com");

    private final EcsTemplate template = EcsTemplate.deployedWith(WITH_IMAGE);
    private final Map<String, Object> environment = template.environment("TaskDefinition", "app");

    @Test
    void theTasksEnvironment_namesOnlyVariablesOfTheConfigurationReference() throws IOException {
        String readme = Files.readString(Path.of("../src/README.md"));
        String configuration = readme.substring(readme.indexOf("## Configuration"),
                readme.indexOf("\n## ", readme.indexOf("## Configuration") + 1));
        for (String variable : environment.keySet()) {
            assertTrue(configuration.contains("| `" + variable + "`") || configuration.contains(", `" + variable + "`"),
                    variable + " is not in src/README.md's configuration reference, so nothing reads it");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "helpdesk-attachments"})
    void attachments_goToS3_sinceTasksShareNoDisk(String existingBucket) {
        Map<String, Object> variables = EcsTemplate.deployedWith(Map.of("ImageTag", "1.0.0",
                "ExistingAttachmentBucketName", existingBucket)).environment("TaskDefinition", "app");
        assertEquals("s3", variables.get("ATTACHMENT_STORE"));
        assertTrue(variables.get("ATTACHMENT_BUCKET") != null, "ATTACHMENT_BUCKET must be set with the S3 store");
        assertFalse(variables.containsKey("UPLOAD_DIR"), "UPLOAD_DIR is for the filesystem store only");
    }

    @Test
    void stopTimeout_exceedsTheServersGracePeriod() {
        Duration grace = ConversionService.SHARED.convertRequired(
                Application.GRACEFUL_SHUTDOWN.get("micronaut.lifecycle.graceful-shutdown.grace-period"), Duration.class);
        int stopTimeout = number(template.container("TaskDefinition", "app").get("StopTimeout"));
        // The context's close follows the grace period; leave it at least as long again.
        assertTrue(stopTimeout >= 2 * grace.toSeconds(), "StopTimeout " + stopTimeout + " s against a grace period of " + grace);
    }

    @Test
    void theDrainAndTheIdleTimeout_outlastASynchronousTriageRun() {
        int executionTimeout = number(environment.get("EXECUTION_TIMEOUT"));
        // A run ends at most 0.75 s past EXECUTION_TIMEOUT (src/README.md "Triage"), then writes its outcome.
        int longestRequest = executionTimeout + 1;
        int drain = number(attribute(template.properties("TargetGroup"), "TargetGroupAttributes",
                "deregistration_delay.timeout_seconds"));
        int idle = number(attribute(template.properties("LoadBalancer"), "LoadBalancerAttributes",
                "idle_timeout.timeout_seconds"));
        assertTrue(drain > longestRequest, "deregistration delay " + drain + " s, longest request " + longestRequest + " s");
        assertTrue(idle > drain, "idle timeout " + idle + " s must outlast the drain " + drain + " s");
        // The target's own idle timeout must be the longer one, or the ALB reuses closed connections (502).
        long netty = Duration.ofMinutes(HttpServerConfiguration.DEFAULT_IDLE_TIME_MINUTES).toSeconds();
        assertTrue(idle < netty, "ALB idle timeout " + idle + " s must stay under Netty's " + netty + " s");
        assertTrue(number(environment.get("TRIAGE_LEASE")) > executionTimeout, "TRIAGE_LEASE must exceed EXECUTION_TIMEOUT");
    }

    @Test
    void withCognitoOnTheListener_theAlbsClientIsAmongTheAcceptedClients() {
        EcsTemplate authenticated = EcsTemplate.deployedWith(WITH_ALB_AUTHENTICATION);
        Object clients = authenticated.environment("TaskDefinition", "app").get("COGNITO_APP_CLIENT_IDS");
        assertTrue(joined(clients).contains(Map.of("Ref", "AlbUserPoolClient")),
                "COGNITO_APP_CLIENT_IDS must hold the ALB's client, whose access tokens it forwards: " + clients);
        assertEquals(Boolean.TRUE, authenticated.properties("AlbUserPoolClient").get("GenerateSecret"),
                "the ALB needs a confidential client");
        Map<?, ?> authenticate = (Map<?, ?>) ((List<?>) authenticated.properties("HttpsListener").get("DefaultActions")).get(0);
        assertEquals("authenticate-cognito", authenticate.get("Type"));
        assertEquals(Map.of("Ref", "AlbUserPoolClient"),
                ((Map<?, ?>) authenticate.get("AuthenticateCognitoConfig")).get("UserPoolClientId"));

        assertFalse(template.has("AlbUserPoolClient"));
        assertFalse(joined(environment.get("COGNITO_APP_CLIENT_IDS")).contains(Map.of("Ref", "AlbUserPoolClient")));
    }

    private static List<?> joined(Object join) {
        List<?> args = (List<?>) ((Map<?, ?>) join).get("Fn::Join");
        assertEquals(",", args.get(0), "the client ids are comma-separated");
        return (List<?>) args.get(1);
    }

    private static Object attribute(Map<String, Object> properties, String list, String key) {
        for (Object entry : (List<?>) properties.get(list)) {
            Map<?, ?> attribute = (Map<?, ?>) entry;
            if (key.equals(attribute.get("Key"))) {
                return attribute.get("Value");
            }
        }
        throw new AssertionError(list + " has no " + key);
    }

    private static int number(Object value) {
        Matcher m = Pattern.compile("\\d+").matcher(String.valueOf(value));
        assertTrue(m.matches(), "not a number of seconds: " + value);
        return Integer.parseInt(value.toString());
    }
}
