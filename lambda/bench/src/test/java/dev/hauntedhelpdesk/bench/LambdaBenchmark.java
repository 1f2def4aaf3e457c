package dev.hauntedhelpdesk.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The Lambda benchmark (lambda/README.md, "Benchmark"): the plain handler and the project's Lambda
 * artifact, in its default configuration and with {@code TRIAGE_ENGINE=bedrock}, each started
 * under the real Runtime Interface Client as Lambda starts a 1024 MB java21 function, serving
 * {@code GET /api/tickets/{id}} (the project's own sample event) with a Cognito-style access token
 * against moto's DynamoDB and a local JWKS. Subjects take turns (cold start 1 of each, then 2 of
 * each, ...) so that whatever else the machine does spreads over all of them alike.
 */
public final class LambdaBenchmark {

    private LambdaBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int coldStarts = Integer.parseInt(property("bench.cold-starts"));
        int warmCalls = Integer.parseInt(property("bench.warm-calls"));
        if (coldStarts < 1 || warmCalls < 1) {
            throw new IllegalArgumentException("bench.cold-starts and bench.warm-calls must be at least 1");
        }
        Path work = Path.of(property("bench.work-dir")).toAbsolutePath();
        Path logs = Files.createDirectories(work.resolve("logs"));
        LambdaJvm jvm = LambdaJvm.of(Path.of(property("bench.java-home")), property("bench.cpu"),
                Path.of(property("bench.runtime-lib")));
        Deployment plain = Deployment.unpack(Path.of(property("bench.plain-jar")), work.resolve("plain/task"));
        Deployment project = Deployment.unpack(Path.of(property("bench.project-jar")), work.resolve("project/task"));

        try (LocalDynamoDb dynamoDb = LocalDynamoDb.start(property("bench.dynamodb-cpu"), logs.resolve("moto.log"));
             CognitoKeys pool = CognitoKeys.start()) {
            String sub = UUID.randomUUID().toString();
            String ticketId = dynamoDb.createTicket(UUID.randomUUID().toString(), sub);
            String event = Files.readString(Path.of(property("bench.event")))
                    .replace("{{TICKET_ID}}", ticketId)
                    .replace("{{ACCESS_TOKEN}}", pool.accessToken(sub, "bench-user", Duration.ofHours(12)))
                    .replace("{{SUB}}", sub)
                    .replace("{{CLIENT_ID}}", CognitoKeys.CLIENT_ID);

            // The project's variables (src/README.md, "Configuration"); the plain handler reads the same.
            Map<String, String> configuration = Map.of(
                    "DYNAMODB_TABLE_NAME", LocalDynamoDb.TABLE,
                    "AWS_ENDPOINT_URL_DYNAMODB", dynamoDb.endpoint().toString(),
                    "COGNITO_USER_POOL_ID", CognitoKeys.POOL_ID,
                    "COGNITO_APP_CLIENT_IDS", CognitoKeys.CLIENT_ID,
                    "COGNITO_JWKS_URL", pool.jwksUrl());
            Map<String, String> bedrock = new java.util.HashMap<>(configuration);
            bedrock.put("TRIAGE_ENGINE", "bedrock");
            bedrock.put("BEDROCK_MODEL_ID", "bench.dummy-model-v1:0");
            // The route never calls Bedrock; should anything try, it meets a closed loopback port, not AWS.
            bedrock.put("AWS_ENDPOINT_URL_BEDROCK_RUNTIME", "http://127.0.0.1:9");
            List<Subject> subjects = List.of(
                    new Subject("plain handler: JWT check (nimbus, cached JWKS) + GetItem, no framework", plain,
                            "dev.hauntedhelpdesk.bench.plain.GetTicketHandler", configuration),
                    new Subject("this project, default configuration", project,
                            "dev.hauntedhelpdesk.lambda.HttpApiEventFunction", configuration),
                    new Subject("this project, `TRIAGE_ENGINE=bedrock`", project,
                            "dev.hauntedhelpdesk.lambda.HttpApiEventFunction", Map.copyOf(bedrock)));

            Table table = new Table();
            ColdStart coldStart = new ColdStart(jvm, event, ticketId, warmCalls);
            for (int round = 1; round <= coldStarts; round++) {
                for (int s = 0; s < subjects.size(); s++) {
                    Subject subject = subjects.get(s);
                    int fetchesBefore = pool.fetches();
                    ColdStart.Sample sample = coldStart.run(subject, logs.resolve("subject" + (s + 1) + "-" + round + ".log"));
                    if (pool.fetches() == fetchesBefore) {
                        throw new IllegalStateException(subject.name() + " answered without fetching the key set");
                    }
                    table.add(subject, sample);
                    System.out.printf(Locale.ROOT, "cold start %d/%d, %s: init %.0f ms, 1st call %.0f ms,"
                                    + " warm p50 %.1f ms, peak RSS %.0f MB%n", round, coldStarts, subject.name(),
                            sample.initMs(), sample.firstCallMs(), sample.warmP50Ms(), sample.peakRssMb());
                }
            }

            String report = "Lambda benchmark, " + Instant.now() + ": " + coldStarts + " cold starts and "
                    + warmCalls + " warm calls per subject, interleaved; median (min–max), **ratio** to the plain"
                    + " handler's median.\nEach run: " + jvm.describe() + ", " + LambdaJvm.MEMORY_MB
                    + " MB function, JDK " + jvm.javaVersion() + ", moto_server on CPU " + property("bench.dynamodb-cpu")
                    + ", " + Runtime.getRuntime().availableProcessors()
                    + " CPUs on the machine (other work shares them).\n\n" + table.render();
            Path output = work.getParent().resolve("lambda-bench.md");
            Files.writeString(output, report);
            System.out.println();
            System.out.println(report);
            System.out.println("Written to " + output);
        }
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("Missing -D" + name + " (the bench module's pom sets it)");
        }
        return value;
    }
}
