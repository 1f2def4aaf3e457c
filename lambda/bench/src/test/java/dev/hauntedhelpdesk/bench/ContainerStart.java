package dev.hauntedhelpdesk.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * One start of the container's jar as its image runs it (the Dockerfile's JVM flags, its start-up
 * archive, one CPU, a 2 GB task as container/README.md suggests), against the canned DynamoDB
 * endpoint: readiness, the RSS once start-up has settled, the CPU one authenticated GET costs,
 * bounded loads at 2 and 8 connections, and the peak RSS after them. The archive is trained once
 * ({@link #train}) by the image's own training script, container/image/cds-training.sh, on this
 * JDK and jar; every start then requires it ({@code -Xshare:on}), so an archive that does not fit
 * fails the run rather than measuring a start without it.
 */
final class ContainerStart {

    /** The task size the JVM sizes its heap from (the image has no flags of its own for it). */
    static final String TASK_MEMORY = "2g";
    // The image's ENTRYPOINT memory flags (container/Dockerfile); MaxRAM stands in for the task's
    // cgroup limit. The native root, the entry point's other flag, is added per start (run).
    private static final List<String> FLAGS = List.of("-XX:MaxRAM=" + TASK_MEMORY, "-XX:MaxRAMPercentage=75",
            "-XX:InitialRAMPercentage=25", "-XX:+ExitOnOutOfMemoryError");
    private static final long READINESS_TIMEOUT_SECONDS = 180;
    private static final long TRAINING_MINUTES = 5;
    /** RSS counts as settled once it moves less than this over {@link #SETTLE_WINDOW} samples. */
    private static final double SETTLE_MB = 2;
    private static final int SETTLE_WINDOW = 12;
    private static final Duration SETTLE_SAMPLE = Duration.ofMillis(250);
    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(60);

    /** What one start measured; the loads' new DynamoDB connections are counted by the canned endpoint. */
    record Sample(double readinessMs, double settledRssMb, Cpu cpuPerGet, HttpLoad.Result at2,
                  int dynamoDbConnectionsAt2, HttpLoad.Result at8, int dynamoDbConnectionsAt8, double peakRssMb,
                  Cpu warmCpuPerGet) {
    }

    /** CPU ms per GET of a sequential loop: the process's, and the part of it the JIT's compiler threads used. */
    record Cpu(double totalMs, double compilerMs) {
    }

    private final Path java;
    private final String cpu;
    private final Path jar;
    private final Path trainingScript;
    private final Map<String, String> configuration;
    private final CannedDynamoDb dynamoDb;
    private final String ticketId;
    private final String token;
    private final int cpuRequests;
    private final int loadRequests;

    private Path archive;

    ContainerStart(Path javaHome, String cpu, Path jar, Path trainingScript, Map<String, String> configuration,
                   CannedDynamoDb dynamoDb, String ticketId, String token, int cpuRequests, int loadRequests) {
        this.java = javaHome.resolve("bin/java");
        this.cpu = cpu;
        this.jar = jar;
        this.trainingScript = trainingScript;
        this.configuration = configuration;
        this.dynamoDb = dynamoDb;
        this.ticketId = ticketId;
        this.token = token;
        this.cpuRequests = cpuRequests;
        this.loadRequests = loadRequests;
    }

    String describe() {
        return "`taskset -c " + cpu + " " + java + " " + String.join(" ", FLAGS)
                + " -Xshare:on -XX:SharedArchiveFile=app.jsa -Dhelpdesk.triage.native-root=native -jar "
                + jar.getFileName() + "`";
    }

    /**
     * Trains the start-up archive in {@code workDir} as the image's build does, with the same
     * script, flags, jar and native root as the starts that follow; its output goes to {@code log}.
     */
    void train(Path workDir, Path log) throws IOException, InterruptedException {
        Path natives = workDir.resolve("native");
        ContainerImageFunction.unpackEngineLibraries(jar, natives);
        Path trained = workDir.resolve("app.jsa");
        Files.deleteIfExists(trained);
        List<String> command = new ArrayList<>(List.of("sh", trainingScript.toString(), trained.toString(),
                Integer.toString(freePort()), java.toString()));
        command.addAll(FLAGS);
        command.addAll(List.of("-Dhelpdesk.triage.native-root=" + natives, "-jar", jar.toString()));
        Process training = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        ContainerImageFunction.awaitTraining(training, "The start-up archive's training", TRAINING_MINUTES, log);
        archive = trained;
    }

    Sample run(Path workDir, Path log) throws Exception {
        if (archive == null) {
            throw new IllegalStateException("Train the start-up archive first");
        }
        int port = freePort();
        Files.createDirectories(workDir.resolve("uploads"));
        // As the image's build stage does: the engine's libraries unpacked (again, from this jar,
        // before the clock starts), so they load in place rather than being copied into /tmp as
        // part of the start.
        Path natives = workDir.resolve("native");
        ContainerImageFunction.unpackEngineLibraries(jar, natives);
        List<String> command = new ArrayList<>(List.of("taskset", "-c", cpu, java.toString()));
        command.addAll(FLAGS);
        command.addAll(List.of("-Xshare:on", "-XX:SharedArchiveFile=" + archive,
                "-Dhelpdesk.triage.native-root=" + natives, "-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().clear();
        builder.environment().putAll(environment(port, workDir));
        long started = System.nanoTime();
        Process process = builder.start();
        try {
            double readiness = (awaitReadiness(process, port, log) - started) / 1e6;
            double settledRss = settledRss(process.pid());
            HttpLoad load = new HttpLoad(port, "/api/tickets/" + ticketId, token);
            if (!load.once().contains("\"ticket_id\":\"" + ticketId + "\"")) {
                throw new IllegalStateException("The container did not answer with the ticket; see " + log);
            }
            // Warm-up before the CPU is counted: the JIT's first compilations are start-up, not a GET's cost.
            load.run(1, cpuRequests / 2);
            Cpu cpuPerGet = cpuPerGet(process.pid(), load);
            HttpLoad.Result at2 = countedLoad(load, 2, log);
            int connectionsAt2 = dynamoDb.connections();
            HttpLoad.Result at8 = countedLoad(load, 8, log);
            int connectionsAt8 = dynamoDb.connections();
            double peakRss = ProcStatus.peakRssMb(process.pid());
            // The same sequential GETs once the loads have run. C2 is still compiling then (on one
            // CPU it compiles for minutes), so the compiler threads' part is shown apart.
            Cpu warmCpuPerGet = cpuPerGet(process.pid(), load);
            return new Sample(readiness, settledRss, cpuPerGet, at2, connectionsAt2, at8, connectionsAt8,
                    peakRss, warmCpuPerGet);
        } finally {
            ColdStart.stop(process);
        }
    }

    private Cpu cpuPerGet(long pid, HttpLoad load) throws Exception {
        double before = ProcStatus.cpuMs(pid);
        double compilerBefore = ProcStatus.compilerCpuMs(pid);
        load.run(1, cpuRequests);
        double total = (ProcStatus.cpuMs(pid) - before) / cpuRequests;
        // Below zero only when a compiler thread ended in between and took its time out of the sum.
        double compiler = Math.max(0, ProcStatus.compilerCpuMs(pid) - compilerBefore) / cpuRequests;
        return new Cpu(total, compiler);
    }

    private HttpLoad.Result countedLoad(HttpLoad load, int connections, Path log) throws Exception {
        dynamoDb.reset();
        HttpLoad.Result result = load.run(connections, loadRequests);
        if (dynamoDb.getItems() < loadRequests) {
            throw new IllegalStateException("The container answered " + loadRequests + " GETs with only "
                    + dynamoDb.getItems() + " GetItem calls; see " + log);
        }
        return result;
    }

    private Map<String, String> environment(int port, Path workDir) {
        Map<String, String> env = new TreeMap<>(configuration);
        env.put("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
        env.put("API_HOST", "127.0.0.1");
        env.put("API_PORT", Integer.toString(port));
        env.put("UPLOAD_DIR", workDir.resolve("uploads").toString());
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        env.put("AWS_ACCESS_KEY_ID", "ASIABENCHMARKEXAMPLE");
        env.put("AWS_SECRET_ACCESS_KEY", "bench-secret-access-key");
        env.put("AWS_SESSION_TOKEN", "bench-session-token");
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        return env;
    }

    /** When /health/readiness first answered 200 (System.nanoTime). */
    private static long awaitReadiness(Process process, int port, Path log) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
        HttpRequest probe = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/readiness"))
                .timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(READINESS_TIMEOUT_SECONDS);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The container exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return System.nanoTime();
                }
            } catch (IOException notListeningYet) {
                // the port opens late in start-up
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException("The container was not ready within " + READINESS_TIMEOUT_SECONDS + " s; see " + log);
    }

    /** RSS once start-up's work after readiness (the local model loading, say) has stopped moving it. */
    private static double settledRss(long pid) throws InterruptedException {
        List<Double> samples = new ArrayList<>();
        long deadline = System.nanoTime() + SETTLE_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            samples.add(ProcStatus.rssMb(pid));
            if (samples.size() >= SETTLE_WINDOW) {
                List<Double> window = samples.subList(samples.size() - SETTLE_WINDOW, samples.size());
                double low = window.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
                double high = window.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
                if (high - low < SETTLE_MB) {
                    return window.get(window.size() - 1);
                }
            }
            Thread.sleep(SETTLE_SAMPLE);
        }
        return samples.get(samples.size() - 1);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
