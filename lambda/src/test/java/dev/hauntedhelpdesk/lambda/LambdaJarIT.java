package dev.hauntedhelpdesk.lambda;

import dev.hauntedhelpdesk.process.BackendEnvironment;
import dev.hauntedhelpdesk.process.JavaProcess;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
            System.out.println("lambda cold start: " + result + " (" + JAR.getFileName() + ", " + JAR.toFile().length()
                    + " bytes)");
        }
    }
}
