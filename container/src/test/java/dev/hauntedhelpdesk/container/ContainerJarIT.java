package dev.hauntedhelpdesk.container;

import dev.hauntedhelpdesk.process.BackendEnvironment;
import dev.hauntedhelpdesk.process.JavaProcess;
import dev.hauntedhelpdesk.testing.FreePort;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged container jar, started with {@code java -jar} in a fresh JVM and configured only by
 * environment variables, as the image runs it.
 */
class ContainerJarIT {

    private static final Path JAR = Path.of(System.getProperty("artifact.jar", "target/missing.jar"));

    @Test
    void startup_failsFast_namingEveryBadVariable() {
        Map<String, String> env = BackendEnvironment.complete();
        env.remove("DYNAMODB_TABLE_NAME");
        env.put("API_PORT", "abc");
        assertRefusesToStart(env, "DYNAMODB_TABLE_NAME: required",
                "API_PORT: expected an integer from 1 to 65535, got 'abc'");
    }

    @Test
    void devMode_refusesToStart_onEcs() {
        Map<String, String> env = BackendEnvironment.complete();
        env.put("MICRONAUT_ENVIRONMENTS", "dev");
        env.put("ECS_CONTAINER_METADATA_URI_V4", "http://169.254.170.2/v4/task");
        assertRefusesToStart(env, "Dev mode refuses to start in a deployed runtime");
    }

    @Test
    void devMode_refusesToStart_fromTheShippedJar_whichLacksTheDevClasspath() {
        Map<String, String> env = BackendEnvironment.complete();
        env.put("MICRONAUT_ENVIRONMENTS", "dev");
        assertRefusesToStart(env, "Dev mode needs the dev profile's classpath");
    }

    private static void assertRefusesToStart(Map<String, String> env, String... messages) {
        try (JavaProcess process = JavaProcess.startJar(JAR, env)) {
            int exit = process.waitFor(60);
            String output = process.output();
            assertNotEquals(-1, exit, "still running after 60 s: " + output);
            assertNotEquals(0, exit, output);
            for (String message : messages) {
                assertTrue(output.contains(message), output);
            }
        }
    }

    @Test
    void startup_servesHealthAndApi_fromEnvironmentAlone() throws Exception {
        Map<String, String> env = BackendEnvironment.complete();
        int port = FreePort.find();
        env.put("API_PORT", Integer.toString(port));
        env.put("AWS_SECRET_ACCESS_KEY", "do-not-log-me");
        long started = System.nanoTime();
        try (JavaProcess process = JavaProcess.startJar(JAR, env)) {
            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<String> ready = null;
            while (System.nanoTime() - started < Duration.ofSeconds(60).toNanos() && process.isAlive()) {
                try {
                    ready = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
                            .build(), HttpResponse.BodyHandlers.ofString());
                    // 503 while the local model loads, as a load balancer sees it: not ready yet.
                    if (ready.statusCode() != 503) {
                        break;
                    }
                } catch (IOException notYet) {
                    // The port is not open yet.
                }
                Thread.sleep(50);
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertTrue(ready != null, "never answered: " + process.output());
            assertEquals(200, ready.statusCode(), ready.body());
            System.out.printf("container cold start: %d ms from JVM launch to first healthy response (%s, %d bytes)%n",
                    millis, JAR.getFileName(), JAR.toFile().length());

            HttpResponse<String> anonymous = client.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/api/tickets")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(401, anonymous.statusCode());
            HttpResponse<String> document = client.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/openapi.yml")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, document.statusCode());
            assertTrue(document.body().startsWith("openapi: 3."), document.body());
            String output = process.output();
            assertTrue(output.contains("\"message\":\"Effective configuration"), output);
            assertTrue(output.contains("\"logger_name\":\"access\""), "JSON access log line expected: " + output);
            assertFalse(output.contains("do-not-log-me"), "a secret reached the log");
            // Ready waited for the local engine; the shipped jar carries its texts' vectors, so none was embedded.
            assertTrue(output.contains("Local triage model loaded"), output);
            assertFalse(output.contains("have no stored vector"), output);
        }
    }

    @Test
    void shippedJar_carriesTheOpenApiDocument_butNotSwaggerUi() throws IOException {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            assertTrue(jar.getEntry("META-INF/swagger/openapi.yml") != null, "the generated document is packaged");
            assertEquals(List.of(), jar.stream().map(JarEntry::getName).filter(n -> n.contains("swagger-ui")).toList(),
                    "Swagger UI is for dev mode only");
        }
    }
}
