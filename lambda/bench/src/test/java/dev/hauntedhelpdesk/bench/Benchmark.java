package dev.hauntedhelpdesk.bench;

import dev.hauntedhelpdesk.iam.CloudFormationYaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The benchmark (lambda/README.md, "Benchmark"). Lambda: the plain handler, the two reference
 * functions (bare Micronaut, Spring Boot with aws-serverless-java-container; GetItem only), the
 * project's Lambda artifact, in its default configuration and with {@code TRIAGE_ENGINE=bedrock},
 * and the API function's artifact configured as the template deploys it (a triage queue), as a
 * zip and as its container image with a JDK AOT cache ({@link ContainerImageFunction}), each
 * started under the real Runtime Interface Client as Lambda starts a 1024 MB java21 function,
 * serving {@code GET /api/tickets/{id}} (the project's own sample event) with a Cognito-style
 * access token against moto's DynamoDB and a local JWKS; and the triage function, the same
 * artifact's queue handler, fed one queue message per call, each naming a fresh pending ticket.
 * The subjects take turns (cold start 1 of each, then 2 of each, ...) so that whatever else the
 * machine does spreads over all of them alike; then one long life each of the plain handler and
 * the API function ({@link DriftTable}); under the tables, the goals, met or not.
 * Container: the container's jar against a canned DynamoDB endpoint, the same token.
 */
public final class Benchmark {

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        int coldStarts = positive("bench.cold-starts");
        int warmCalls = positive("bench.warm-calls");
        int triageCalls = Integer.parseInt(property("bench.triage-calls"));
        int driftCalls = Integer.parseInt(property("bench.drift-calls"));
        if (triageCalls < 0 || (driftCalls != 0 && driftCalls < DriftTable.MIN_CALLS)) {
            throw new IllegalArgumentException("bench.triage-calls must be 0 or more, bench.drift-calls 0 or at least "
                    + DriftTable.MIN_CALLS);
        }
        int driftLives = positive("bench.drift-lives");
        int containerStarts = Integer.parseInt(property("bench.container-starts"));
        String harnessCpu = property("bench.harness-cpu");
        // Counted before the runner pins itself, after which the JVM sees only the CPU it is pinned to.
        int machineCpus = Runtime.getRuntime().availableProcessors();
        pinThisProcess(harnessCpu);
        Path work = Path.of(property("bench.work-dir")).toAbsolutePath();
        Path logs = Files.createDirectories(work.resolve("logs"));
        Path javaHome = Path.of(property("bench.java-home"));
        LambdaJvm jvm = LambdaJvm.of(javaHome, property("bench.cpu"), Path.of(property("bench.runtime-lib")));

        try (CognitoKeys pool = CognitoKeys.start()) {
            String sub = UUID.randomUUID().toString();
            String ticketId = UUID.randomUUID().toString();
            String token = pool.accessToken(sub, "bench-user", Duration.ofHours(12));
            String setting = machineCpus + " CPUs on the machine, other work shares them;"
                    + " the runner, its emulators and moto_server on CPU " + harnessCpu + ", JDK " + jvm.javaVersion();

            LambdaResult lambda = lambda(jvm, pool, sub, ticketId, token, work, logs, coldStarts,
                    new Calls(warmCalls, triageCalls, driftCalls, driftLives));
            report(work.getParent().resolve("lambda-bench.md"), "Lambda benchmark, " + Instant.now() + ": "
                    + coldStarts + " cold starts per subject, interleaved, each with " + warmCalls + " warm calls ("
                    + triageCalls + " triages for the triage function); median (min–max), **ratio** to the plain"
                    + " handler's median.\nEach run: " + jvm.describe() + ", "
                    + LambdaJvm.MEMORY_MB + " MB function; " + setting + ".\n\n" + lambda.render());

            if (containerStarts > 0) {
                ContainerTable container = new ContainerTable();
                ContainerStart start;
                try (CannedDynamoDb dynamoDb = CannedDynamoDb.start(ticketId, sub)) {
                    start = new ContainerStart(javaHome, property("bench.cpu"),
                            Path.of(property("bench.container-jar")), Path.of(property("bench.container-training")),
                            configuration(dynamoDb.endpoint(), pool), dynamoDb, ticketId, token,
                            positive("bench.container-cpu-requests"), positive("bench.container-requests"));
                    start.train(Files.createDirectories(work.resolve("container")),
                            logs.resolve("container-cds-training.log"));
                    for (int i = 1; i <= containerStarts; i++) {
                        ContainerStart.Sample sample = start.run(Files.createDirectories(work.resolve("container")),
                                logs.resolve("container-" + i + ".log"));
                        container.add(sample);
                        System.out.printf(Locale.ROOT, "container start %d/%d: ready after %.0f ms, settled RSS %.0f MB,"
                                        + " %.2f ms CPU per GET, %.0f req/s at 2, %.0f req/s at 8%n", i, containerStarts,
                                sample.readinessMs(), sample.settledRssMb(), sample.cpuPerGet().totalMs(),
                                sample.at2().requestsPerSecond(), sample.at8().requestsPerSecond());
                    }
                }
                report(work.getParent().resolve("container-bench.md"), "Container benchmark, " + Instant.now() + ": "
                        + containerStarts + " start(s); " + property("bench.container-cpu-requests")
                        + " sequential GETs counted for CPU (after half as many to warm up), loads of "
                        + property("bench.container-requests") + " GETs on 2 and on 8 keep-alive connections, against"
                        + " a canned DynamoDB endpoint.\nEach start: " + start.describe() + " (a "
                        + ContainerStart.TASK_MEMORY + " task); " + setting + ".\n\n"
                        + container.render(lambda.baselineInitMs()));
            }
        }
    }

    /**
     * How many calls each life makes: warm GETs per cold start, triages per cold start, GETs of the
     * long lives; and how many long lives each subject has.
     */
    private record Calls(int warm, int triages, int drift, int driftLives) {
    }

    private static LambdaResult lambda(LambdaJvm jvm, CognitoKeys pool, String sub, String ticketId, String token,
                                       Path work, Path logs, int coldStarts, Calls calls) throws Exception {
        Deployment plain = Deployment.unpack(Path.of(property("bench.plain-jar")), work.resolve("plain/task"));
        Deployment project = Deployment.unpack(Path.of(property("bench.project-jar")), work.resolve("project/task"));
        Deployment api = Deployment.unpack(Path.of(property("bench.api-jar")), work.resolve("api/task"));
        Deployment micronaut = Deployment.unpack(Path.of(property("bench.micronaut-jar")),
                work.resolve("micronaut/task"));
        Deployment springBoot = Deployment.unpack(Path.of(property("bench.spring-boot-jar")),
                work.resolve("spring-boot/task"));
        try (LocalDynamoDb dynamoDb = LocalDynamoDb.start(logs.resolve("moto.log"))) {
            dynamoDb.createTicket(ticketId, sub);
            String event = Files.readString(Path.of(property("bench.event")))
                    .replace("{{TICKET_ID}}", ticketId)
                    .replace("{{ACCESS_TOKEN}}", token)
                    .replace("{{SUB}}", sub)
                    .replace("{{CLIENT_ID}}", CognitoKeys.CLIENT_ID);
            Map<String, String> configuration = configuration(dynamoDb.endpoint().toString(), pool);
            TicketGet get = new TicketGet(event, ticketId, calls.warm());
            // The triage function as the template sets it, but without the queue: with one, its sweep
            // would hand stale tickets back to the queue, which a triage's cost does not include.
            Map<String, String> triageFunction = new HashMap<>(configuration);
            triageFunction.put("EXECUTION_TIMEOUT", "300");
            Map<String, String> bedrock = new HashMap<>(configuration);
            bedrock.put("TRIAGE_ENGINE", "bedrock");
            bedrock.put("BEDROCK_MODEL_ID", "bench.dummy-model-v1:0");
            // The route never calls Bedrock; should anything try, it meets a closed loopback port, not AWS.
            bedrock.put("AWS_ENDPOINT_URL_BEDROCK_RUNTIME", "http://127.0.0.1:9");
            // As the template deploys the API function: runs go to the triage queue, which a GET never uses.
            Map<String, String> queued = new HashMap<>(configuration);
            queued.put("TRIAGE_QUEUE_URL", "http://127.0.0.1:9/000000000000/helpdesk-triage");
            // Its image takes its JVM flags from lambda/image/java.options; the zip those the
            // template gives it (ApiFunction's JAVA_TOOL_OPTIONS).
            Map<String, String> queuedImage = Map.copyOf(queued);
            queued.put("JAVA_TOOL_OPTIONS", apiFunctionJavaToolOptions(Path.of(property("bench.template"))));
            // The library's delegating handler starts the application that MAIN_CLASS names (its quick start).
            Map<String, String> springBootApp = new HashMap<>(configuration);
            springBootApp.put("MAIN_CLASS", "dev.hauntedhelpdesk.bench.spring.TicketApplication");
            Subject plainHandler = new Subject("plain handler: JWT check (nimbus, cached JWKS) + GetItem, no framework",
                    plain, "dev.hauntedhelpdesk.bench.plain.GetTicketHandler", configuration, true, get);
            Subject bareMicronaut = new Subject("bare Micronaut 4.10 function (MicronautRequestHandler), GetItem only",
                    micronaut, "dev.hauntedhelpdesk.bench.micronaut.GetTicketFunction", configuration, false, get);
            Subject springBootFunction = new Subject("Spring Boot 3.5.7 + aws-serverless-java-container 2.1.2, GetItem only",
                    springBoot, "com.amazonaws.serverless.proxy.spring.SpringDelegatingLambdaContainerHandler",
                    Map.copyOf(springBootApp), false, get);
            Subject apiFunction = new Subject(
                    "this project's API function as the template deploys it (api artifact, triage queue)",
                    api, "dev.hauntedhelpdesk.lambda.HttpApiEventFunction", Map.copyOf(queued), true, get);
            Deployment image = ContainerImageFunction.layOut(Path.of(property("bench.image-sources")),
                    Path.of(property("bench.api-jar")), "dev.hauntedhelpdesk.lambda.HttpApiEventFunction",
                    Path.of(property("bench.runtime-lib")), jvm.jni(), work.resolve("image"));
            Subject imageFunction = new Subject("this project's API function as a container image"
                    + " (lambda/Dockerfile: the same jar and configuration, JDK AOT cache)", image,
                    "dev.hauntedhelpdesk.lambda.HttpApiEventFunction", queuedImage, true, get);
            Subject triage = new Subject("this project's triage function (full artifact, local engine;"
                    + " warm = one queued triage of a fresh ticket)", project, "dev.hauntedhelpdesk.lambda.TriageQueueHandler",
                    Map.copyOf(triageFunction), false, new QueuedTriage(dynamoDb, sub, calls.triages()));
            Deployment triageImageDirectory = ContainerImageFunction.layOut(Path.of(property("bench.image-sources")),
                    Path.of(property("bench.project-jar")), "dev.hauntedhelpdesk.lambda.TriageQueueHandler",
                    Path.of(property("bench.runtime-lib")), jvm.jni(), work.resolve("triage-image"));
            Subject triageImage = new Subject("this project's triage function as a container image"
                    + " (lambda/Dockerfile FUNCTION=triage: the full artifact, JDK AOT cache)", triageImageDirectory,
                    "dev.hauntedhelpdesk.lambda.TriageQueueHandler", Map.copyOf(triageFunction), false,
                    new QueuedTriage(dynamoDb, sub, calls.triages()));
            List<Subject> subjects = List.of(
                    plainHandler,
                    bareMicronaut,
                    springBootFunction,
                    new Subject("this project, default configuration", project,
                            "dev.hauntedhelpdesk.lambda.HttpApiEventFunction", configuration, true, get),
                    new Subject("this project, `TRIAGE_ENGINE=bedrock`", project,
                            "dev.hauntedhelpdesk.lambda.HttpApiEventFunction", Map.copyOf(bedrock), true, get),
                    apiFunction,
                    imageFunction,
                    triage,
                    triageImage);

            ContainerImageFunction.train(jvm, imageFunction, Path.of(property("bench.image-sources")),
                    Path.of(property("bench.events")), "v2-.*\\.json", logs.resolve("aot-training.log"));
            ContainerImageFunction.train(jvm, triageImage, Path.of(property("bench.image-sources")),
                    Path.of(property("bench.events")), "sqs-.*\\.json", logs.resolve("aot-training-triage.log"));

            Table table = new Table();
            ColdStart coldStart = new ColdStart(jvm);
            for (int round = 1; round <= coldStarts; round++) {
                for (int s = 0; s < subjects.size(); s++) {
                    Subject subject = subjects.get(s);
                    int fetchesBefore = pool.fetches();
                    ColdStart.Sample sample = coldStart.run(subject, logs.resolve("subject" + (s + 1) + "-" + round + ".log"));
                    if (subject.checksToken() && pool.fetches() == fetchesBefore) {
                        throw new IllegalStateException(subject.name() + " answered without fetching the key set");
                    }
                    table.add(subject, sample);
                    System.out.printf(Locale.ROOT, "cold start %d/%d, %s: init %.0f ms, 1st call %.0f ms,"
                                    + " warm p50 %.1f ms, peak RSS %.0f MB%n", round, coldStarts, subject.name(),
                            sample.initMs(), sample.firstCallMs(), sample.warmP50Ms(), sample.peakRssMb());
                }
            }
            String drift = "";
            if (calls.drift() > 0) {
                DriftTable lives = new DriftTable();
                // In turns, as the cold starts are, so that the machine's slower spells spread over both.
                for (int life = 1; life <= calls.driftLives(); life++) {
                    for (Subject subject : List.of(plainHandler, apiFunction)) {
                        ColdStart.Drift drifted = coldStart.drift(subject, calls.drift(), DriftTable.FIRST_READING,
                                logs.resolve("drift-" + (subjects.indexOf(subject) + 1) + "-" + life + ".log"));
                        lives.add(subject, drifted);
                        System.out.printf(Locale.ROOT, "long life %d/%d, %s: %d warm calls%n", life, calls.driftLives(),
                                subject.name(), calls.drift());
                    }
                }
                drift = "\n" + calls.driftLives() + " lives each of " + calls.drift()
                        + " warm calls, after the cold starts, in turns:\n\n" + lives.render(apiFunction);
            }
            return new LambdaResult(table,
                    new Goals(table, plainHandler, apiFunction, imageFunction, bareMicronaut, springBootFunction, triage,
                            triageImage), drift);
        }
    }

    /** The Lambda table, the goals judged from it, and the long lives (empty when skipped). */
    private record LambdaResult(Table table, Goals goals, String drift) {

        String render() {
            return table.render() + "\n" + goals.render() + drift;
        }

        double baselineInitMs() {
            return table.baselineInitMs();
        }
    }

    /** ApiFunction's JAVA_TOOL_OPTIONS in lambda/template.yaml. */
    @SuppressWarnings("unchecked")
    static String apiFunctionJavaToolOptions(Path template) {
        Map<String, Object> resources = (Map<String, Object>) CloudFormationYaml.read(template).get("Resources");
        Object flags = resources.get("ApiFunction") instanceof Map<?, ?> function
                && function.get("Properties") instanceof Map<?, ?> properties
                && properties.get("Environment") instanceof Map<?, ?> environment
                && environment.get("Variables") instanceof Map<?, ?> variables
                ? variables.get("JAVA_TOOL_OPTIONS") : null;
        if (!(flags instanceof String value) || value.isBlank()) {
            throw new IllegalStateException(template + " gives ApiFunction no JAVA_TOOL_OPTIONS");
        }
        return value.trim();
    }

    /** The project's variables (src/README.md, "Configuration"); the plain handler reads the same. */
    private static Map<String, String> configuration(String dynamoDbEndpoint, CognitoKeys pool) {
        return Map.of(
                "DYNAMODB_TABLE_NAME", LocalDynamoDb.TABLE,
                "AWS_ENDPOINT_URL_DYNAMODB", dynamoDbEndpoint,
                "COGNITO_USER_POOL_ID", CognitoKeys.POOL_ID,
                "COGNITO_APP_CLIENT_IDS", CognitoKeys.CLIENT_ID,
                "COGNITO_JWKS_URL", pool.jwksUrl());
    }

    /**
     * Keeps the runner (the Runtime API, the JWKS, the load and the canned endpoint) and the
     * processes it starts without taskset (moto) off the subjects' CPU, as Lambda's Runtime API
     * and DynamoDB do not run on the function's CPU.
     */
    private static void pinThisProcess(String cpu) throws IOException, InterruptedException {
        Process taskset = new ProcessBuilder("taskset", "-a", "-p", "-c", cpu, Long.toString(ProcessHandle.current().pid()))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (taskset.waitFor() != 0) {
            throw new IllegalStateException("taskset could not pin the runner to CPU " + cpu);
        }
    }

    private static void report(Path file, String report) throws IOException {
        Files.writeString(file, report);
        System.out.println();
        System.out.println(report);
        System.out.println("Written to " + file);
    }

    private static int positive(String name) {
        int value = Integer.parseInt(property(name));
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1");
        }
        return value;
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("Missing -D" + name + " (the bench module's pom sets it)");
        }
        return value;
    }
}
