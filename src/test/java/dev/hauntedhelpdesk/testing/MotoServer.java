package dev.hauntedhelpdesk.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A {@code moto_server} process, started once per JVM on a free loopback port and destroyed
 * when the JVM exits. Its output goes to {@code target/moto-<port>.log}. It serves every AWS API
 * the tests need (DynamoDB, Cognito, S3, SQS); it starts empty, so each test creates its own
 * table, pool or bucket.
 */
public final class MotoServer {

    private static final String COMMAND = "moto_server";
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);

    private static MotoServer shared;

    private final Process process;
    private final URI endpoint;
    private final Path log;

    private MotoServer(Process process, URI endpoint, Path log) {
        this.process = process;
        this.endpoint = endpoint;
        this.log = log;
    }

    /**
     * Returns the server for this JVM, starting it on first use.
     *
     * @return the shared server
     */
    public static synchronized MotoServer shared() {
        if (shared == null) {
            MotoServer started = start();
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "moto-server-stop"));
            shared = started;
        }
        return shared;
    }

    /**
     * Returns the HTTP endpoint to use as the SDK endpoint override.
     *
     * @return the server endpoint, without a trailing slash
     */
    public URI endpoint() {
        return endpoint;
    }

    /**
     * Builds a new DynamoDB client for this server; the caller may close it.
     *
     * @return a client in us-east-1 signing with the shared dummy credentials
     */
    public DynamoDbClient dynamoDb() {
        return DynamoDbClient.builder()
                .region(LocalAws.REGION)
                .credentialsProvider(LocalAws.credentials())
                .endpointOverride(endpoint)
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    /**
     * Returns the file the server writes its output to.
     *
     * @return the log file
     */
    public Path log() {
        return log;
    }

    /**
     * Starts a server of the caller's own on {@code host} (an address of a network namespace's
     * veth pair, say); the caller stops it with {@link #shutDown()}.
     *
     * @param host the address to listen on
     * @return the running server
     */
    public static MotoServer startOn(String host) {
        return start(host);
    }

    /** Stops a server started with {@link #startOn(String)}. */
    public void shutDown() {
        stop();
    }

    private static MotoServer start() {
        return start("127.0.0.1");
    }

    private static MotoServer start(String host) {
        int port = FreePort.find();
        Path log = Path.of("target", "moto-" + port + ".log").toAbsolutePath();
        Process process = launch(host, port, log);
        MotoServer server = new MotoServer(process, URI.create("http://" + host + ":" + port), log);
        try {
            server.awaitReady();
        } catch (RuntimeException e) {
            server.stop();
            throw e;
        }
        return server;
    }

    private static Process launch(String host, int port, Path log) {
        try {
            Files.createDirectories(log.getParent());
            return new ProcessBuilder(COMMAND, "-H", host, "-p", String.valueOf(port))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("Could not run '" + COMMAND + "'. Is it on PATH? "
                    + "Install it with: pip install 'moto[server,cognitoidp]'", e);
        }
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest probe = HttpRequest.newBuilder(endpoint.resolve("/")).timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(COMMAND + " exited with code " + process.exitValue()
                        + " before answering; see " + log);
            }
            if (answers(http, probe)) {
                return;
            }
            sleep(POLL_INTERVAL);
        }
        throw new IllegalStateException(COMMAND + " did not answer on " + endpoint + " within "
                + STARTUP_TIMEOUT.toSeconds() + " s; see " + log);
    }

    private static boolean answers(HttpClient http, HttpRequest probe) {
        try {
            http.send(probe, HttpResponse.BodyHandlers.discarding());
            return true;
        } catch (IOException e) {
            // Refused connections and timeouts while the server boots mean "not yet", not "broken".
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + COMMAND, e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + COMMAND, e);
        }
    }

    private void stop() {
        // moto_server is usually a shim that starts Python, so stop its children too.
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
