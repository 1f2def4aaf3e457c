package dev.hauntedhelpdesk.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a main class in a fresh JVM with the test classpath and exactly the environment given, the
 * way a container or Lambda starts the service: to test start-up from real environment variables.
 */
public final class JavaProcess implements AutoCloseable {

    private final Process process;
    private final Path output;

    private JavaProcess(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    /** Starts {@code mainClass}; the environment holds PATH/HOME/JAVA_HOME plus {@code env}. */
    public static JavaProcess start(String mainClass, Map<String, String> env, String... args) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                mainClass));
        command.addAll(List.of(args));
        try {
            Path output = Files.createTempFile("helpdesk-process", ".log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            Map<String, String> environment = builder.environment();
            environment.keySet().retainAll(List.of("PATH", "HOME", "JAVA_HOME", "TMPDIR", "LANG"));
            environment.put("AWS_EC2_METADATA_DISABLED", "true");
            environment.putAll(env);
            return new JavaProcess(builder.start(), output);
        } catch (IOException e) {
            throw new IllegalStateException("Could not start " + mainClass, e);
        }
    }

    /** Waits for the process to end; returns its exit code, or -1 when it is still running. */
    public int waitFor(long seconds) {
        try {
            return process.waitFor(seconds, TimeUnit.SECONDS) ? process.exitValue() : -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public String output() {
        try {
            return Files.readString(output);
        } catch (IOException e) {
            return "(output unreadable: " + e + ")";
        }
    }

    @Override
    public void close() {
        process.destroy();
        waitFor(10);
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
