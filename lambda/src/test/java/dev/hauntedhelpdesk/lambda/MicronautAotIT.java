package dev.hauntedhelpdesk.lambda;

import dev.hauntedhelpdesk.process.BackendEnvironment;
import dev.hauntedhelpdesk.process.JavaProcess;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Micronaut AOT (lambda/aot.sh) changes how the packaged jars start, never what they run: under
 * the configurations the template and the tests use, each handler enables exactly the beans that
 * the same jar without the AOT classes enables. A bean that the build's own configuration would
 * switch off (the triage queue's dispatcher, the table's creation) must still follow the
 * function's environment.
 */
class MicronautAotIT {

    private static final String AOT_PACKAGE = "dev/hauntedhelpdesk/lambda/aot/";
    private static final List<String> AOT_SERVICES = List.of(
            "META-INF/services/io.micronaut.context.ApplicationContextConfigurer",
            "META-INF/services/io.micronaut.core.optim.StaticOptimizations$Loader");

    @TempDir
    Path temp;

    @ParameterizedTest(name = "{0} jar, {1}, {2}")
    @CsvSource({
            "api, dev.hauntedhelpdesk.lambda.HttpApiEventFunction, as the template deploys it",
            "full, dev.hauntedhelpdesk.lambda.HttpApiEventFunction, as the tests run it",
            "full, dev.hauntedhelpdesk.lambda.HttpApiEventFunction, with TRIAGE_ENGINE=bedrock",
            "full, dev.hauntedhelpdesk.lambda.TriageQueueHandler, as the template deploys it"})
    void theJarWithAot_enablesTheBeansOfTheJarWithout(String artifact, String handler, String configuration)
            throws IOException {
        Path jar = Path.of(System.getProperty(artifact.equals("api") ? "api.jar" : "artifact.jar"));
        Path withoutAot = withoutAot(jar, temp.resolve("without-aot.jar"));
        Map<String, String> env = BackendEnvironment.complete();
        if (configuration.equals("as the template deploys it")) {
            env.put("DYNAMODB_CREATE_TABLE", "false");
            env.put("TRIAGE_QUEUE_URL", "https://sqs.us-east-1.amazonaws.com/123456789012/helpdesk-triage");
            env.put("ATTACHMENT_STORE", "s3");
            env.put("ATTACHMENT_BUCKET", "helpdesk-attachments");
        } else if (configuration.equals("with TRIAGE_ENGINE=bedrock")) {
            env.put("TRIAGE_ENGINE", "bedrock");
            env.put("BEDROCK_MODEL_ID", "test.dummy-model-v1:0");
            // Nothing here calls Bedrock; should anything try, it meets a closed loopback port.
            env.put("AWS_ENDPOINT_URL_BEDROCK_RUNTIME", "http://127.0.0.1:9");
        }

        List<String> with = beans(jar, handler, env);
        List<String> without = beans(withoutAot, handler, env);

        assertEquals("AOT true", with.getFirst(), "the shipped jar starts through Micronaut AOT");
        assertEquals("AOT false", without.getFirst(), "the copy without the AOT classes starts without it");
        assertTrue(with.size() > 100, "the probe lists the jar's beans: " + with);
        List<String> lost = without.stream().skip(1).filter(bean -> !with.contains(bean)).toList();
        List<String> added = with.stream().skip(1).filter(bean -> !without.contains(bean)).toList();
        assertEquals(List.of(), lost, "beans the jar enables only without Micronaut AOT");
        assertEquals(List.of(), added, "beans the jar enables only with Micronaut AOT");
        boolean queued = env.containsKey("TRIAGE_QUEUE_URL");
        assertEquals(queued, with.contains("BEAN dev.hauntedhelpdesk.lambda.SqsTriageDispatcher"), String.join("\n", with));
        assertEquals(!queued, with.contains("BEAN dev.hauntedhelpdesk.dynamodb.TableBootstrap"), String.join("\n", with));
    }

    private static List<String> beans(Path jar, String handler, Map<String, String> env) {
        String classpath = jar + File.pathSeparator + System.getProperty("probe.classes", "target/test-classes");
        try (JavaProcess process = JavaProcess.start(classpath, AotBeanList.class.getName(), env, handler,
                jar.toString())) {
            int exit = process.waitFor(60);
            String output = process.output();
            assertEquals(0, exit, output);
            return output.lines().filter(l -> l.startsWith("AOT ") || l.startsWith("BEAN ")).toList();
        }
    }

    /** A copy of the jar without what aot.sh added: its generated package and both service files. */
    private static Path withoutAot(Path jar, Path copy) throws IOException {
        int left = 0;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(jar));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(copy))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                if (entry.getName().startsWith(AOT_PACKAGE) || AOT_SERVICES.contains(entry.getName())) {
                    left++;
                    continue;
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                in.transferTo(out);
                out.closeEntry();
            }
        }
        assertTrue(left > AOT_SERVICES.size(), jar + " holds no Micronaut AOT classes");
        return copy;
    }
}
