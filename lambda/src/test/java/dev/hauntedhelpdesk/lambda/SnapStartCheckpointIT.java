package dev.hauntedhelpdesk.lambda;

import dev.hauntedhelpdesk.process.BackendEnvironment;
import dev.hauntedhelpdesk.process.JavaProcess;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged API artifact, as the template deploys it, through a checkpoint and a restore
 * notified by org.crac (bound to a stand-in CRaC implementation, since no SnapStart runs here):
 * the handler registers its priming when Lambda constructs it, keeps it through a garbage
 * collection, primes through its own application, and answers after the restore.
 */
class SnapStartCheckpointIT {

    @Test
    void theApiHandler_registersItsPriming_andPrimesOnCheckpoint_thenAnswersAfterRestore() {
        Path api = Path.of(System.getProperty("api.jar", "target/missing-api.jar"));
        Map<String, String> env = BackendEnvironment.complete();
        env.put("TRIAGE_QUEUE_URL", "https://sqs.us-east-1.amazonaws.com/123456789012/helpdesk-triage");
        try (JavaProcess process = JavaProcess.start(api + File.pathSeparator
                        + System.getProperty("probe.classes", "target/test-classes"),
                SnapStartCheckpoint.class.getName(), env, HttpApiEventFunction.class.getName())) {
            int exit = process.waitFor(90);
            String output = process.output();
            assertEquals(0, exit, output);
            assertTrue(output.contains("REGISTERED 1"), output);
            String primed = output.lines().filter(l -> l.contains("SnapStart priming took")).findFirst().orElse("");
            assertTrue(primed.contains("GET /health/liveness -> 200") && primed.contains("GET /openapi.yml -> 200")
                    && primed.contains("(malformed bearer) -> 401") && primed.contains("-> absent")
                    && primed.contains("local triage engine -> none here"), output);
            assertTrue(output.contains("RESULT status=200"), output);
            // Only priming asks for the document: no metric line may show it.
            assertFalse(output.contains("\"route\":\"/openapi.yml\""), output);
        }
    }
}
