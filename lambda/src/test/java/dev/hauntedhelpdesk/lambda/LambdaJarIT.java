package dev.hauntedhelpdesk.lambda;

import dev.hauntedhelpdesk.process.BackendEnvironment;
import dev.hauntedhelpdesk.process.JavaProcess;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged Lambda jar in a fresh JVM: its production handler built from environment variables
 * only, with nothing else on the classpath but the small probe that sends it an event.
 */
class LambdaJarIT {

    private static final String MAIN = LambdaColdStart.class.getName();
    private static final Path JAR = Path.of(System.getProperty("artifact.jar", "target/missing.jar"));
    private static final String CLASSPATH = JAR + java.io.File.pathSeparator
            + System.getProperty("probe.classes", "target/test-classes");

    @Test
    void theApiArtifact_withoutTheModel_startsTheTemplatesApiHandler_andAnswersHealthy() {
        Path api = Path.of(System.getProperty("api.jar", "target/missing-api.jar"));
        Map<String, String> env = BackendEnvironment.complete();
        // As the template configures the API function: runs go to the triage queue.
        env.put("TRIAGE_QUEUE_URL", "https://sqs.us-east-1.amazonaws.com/123456789012/helpdesk-triage");
        try (JavaProcess process = JavaProcess.start(api + java.io.File.pathSeparator
                + System.getProperty("probe.classes", "target/test-classes"), MAIN, env,
                HttpApiEventFunction.class.getName())) {
            int exit = process.waitFor(60);
            String output = process.output();
            assertEquals(0, exit, output);
            String result = output.lines().filter(l -> l.startsWith("RESULT")).findFirst().orElse("");
            assertTrue(result.contains("status=200"), output);
            assertFalse(output.contains("Local triage model loaded"), output);
            assertTrue(api.toFile().length() <= 40L * 1024 * 1024, "the API artifact is " + api.toFile().length()
                    + " bytes");
            System.out.println("lambda api cold start: " + result + " (" + api.getFileName() + ", "
                    + api.toFile().length() + " bytes)");
        }
    }

    @Test
    void init_failsFast_namingEveryBadVariable() {
        Map<String, String> env = BackendEnvironment.complete();
        env.remove("DYNAMODB_TABLE_NAME");
        env.put("API_PORT", "abc");
        try (JavaProcess process = JavaProcess.start(CLASSPATH, MAIN, env)) {
            int exit = process.waitFor(60);
            String output = process.output();
            assertEquals(1, exit, output);
            assertTrue(output.contains("DYNAMODB_TABLE_NAME: required"), output);
            assertTrue(output.contains("API_PORT: expected an integer from 1 to 65535, got 'abc'"), output);
        }
    }

    @Test
    void init_thenFirstRequest_answersHealthy() {
        try (JavaProcess process = JavaProcess.start(CLASSPATH, MAIN, BackendEnvironment.complete())) {
            int exit = process.waitFor(60);
            String output = process.output();
            assertEquals(0, exit, output);
            String result = output.lines().filter(l -> l.startsWith("RESULT")).findFirst().orElse("");
            assertTrue(result.contains("status=200"), output);
            assertTrue(output.contains("\"logger_name\":\"access\"") && output.contains("\"correlation_id\":\"cold-start\""),
                    "a JSON access line correlated by the API Gateway request id: " + output);
            // Init built the local engine; the shipped jar carries its texts' vectors, so none was embedded.
            assertTrue(output.contains("Local triage model loaded"), output);
            assertFalse(output.contains("have no stored vector"), output);
            System.out.println("lambda cold start: " + result + " (" + JAR.getFileName() + ", " + JAR.toFile().length()
                    + " bytes)");
        }
    }
}
