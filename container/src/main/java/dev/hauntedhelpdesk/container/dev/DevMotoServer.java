package dev.hauntedhelpdesk.container.dev;

import java.io.File;
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
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The {@code moto_server} that dev mode runs as its DynamoDB and Cognito: a child process on a free
 * loopback port, stopped with its own children when the JVM exits. Its request log goes to a
 * temporary file, not into the service's log.
 */
final class DevMotoServer {

    static final String COMMAND = "moto_server";
    static final String INSTALL_HINT = "pip install 'moto[server]'";
    private static final int START_ATTEMPTS = 3;
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(200);

    private final Process process;
    private final URI endpoint;
    private final Path log;
    /** Once moto answered, its log is only request lines and goes with it; a failed start keeps it. */
    private volatile boolean answered;

    private DevMotoServer(Process process, URI endpoint, Path log) {
        this.process = process;
        this.endpoint = endpoint;
        this.log = log;
    }

    URI endpoint() {
        return endpoint;
    }

    Path log() {
        return log;
    }

    /** The executable {@code moto_server} on {@code env}'s PATH, the one a shell would run. */
    static Optional<Path> find(Map<String, String> env) {
        String path = env.getOrDefault("PATH", "");
        return Arrays.stream(path.split(File.pathSeparator))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, COMMAND))
                .filter(file -> Files.isRegularFile(file) && Files.isExecutable(file))
                .findFirst();
    }

    /** Starts {@code executable} and returns once it answers HTTP; the JVM's exit stops it. */
    static DevMotoServer start(Path executable) {
        Path lastLog = null;
        // Something else may take the port between probing and binding; moto then exits at once.
        for (int attempt = 0; attempt < START_ATTEMPTS; attempt++) {
            DevMotoServer server = launch(executable, freePort());
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "dev-moto-server-stop"));
            if (server.awaitReady()) {
                return server;
            }
            lastLog = server.log;
        }
        throw new DevModeRefusedException(COMMAND + " exited before answering (" + START_ATTEMPTS
                + " attempts); its output is in " + lastLog);
    }

    private static DevMotoServer launch(Path executable, int port) {
        try {
            Path log = Files.createTempFile("helpdesk-dev-moto-" + port + "-", ".log");
            Process process = new ProcessBuilder(executable.toString(), "-H", "127.0.0.1", "-p", String.valueOf(port))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            return new DevMotoServer(process, URI.create("http://127.0.0.1:" + port), log);
        } catch (IOException e) {
            throw new DevModeRefusedException("Could not run " + executable + " (" + e.getMessage()
                    + "); install moto with: " + INSTALL_HINT);
        }
    }

    /** True once the server answers; false when it exited first (the port was taken, most likely). */
    private boolean awaitReady() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest probe = HttpRequest.newBuilder(endpoint.resolve("/moto-api/")).timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                return false;
            }
            try {
                http.send(probe, HttpResponse.BodyHandlers.discarding());
                answered = true;
                return true;
            } catch (IOException notYet) {
                // Refused while Python boots: poll again.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            try {
                Thread.sleep(POLL_INTERVAL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        stop();
        throw new DevModeRefusedException(COMMAND + " did not answer on " + endpoint + " within "
                + STARTUP_TIMEOUT.toSeconds() + " s; its output is in " + log);
    }

    /** Stops the server and its children (moto_server is often a shim that starts Python). */
    void stop() {
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
        if (answered) {
            try {
                Files.deleteIfExists(log);
            } catch (IOException e) {
                // A temp file left behind is harmless.
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new DevModeRefusedException("No free loopback port for " + COMMAND + ": " + e.getMessage());
        }
    }
}
