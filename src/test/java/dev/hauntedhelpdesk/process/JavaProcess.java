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

    /** Starts {@code mainClass} on the test classpath; the environment is PATH/HOME plus {@code env}. */
    public static JavaProcess start(String mainClass, Map<String, String> env, String... args) {
        return run(env, List.of("-cp", System.getProperty("java.class.path"), mainClass), args);
    }

    /** Starts a packaged jar with {@code java -jar}, as its container would. */
    public static JavaProcess startJar(Path jar, Map<String, String> env) {
        return run(env, List.of("-jar", jar.toString()));
    }

    /** Starts {@code mainClass} on exactly {@code classpath} (a packaged artifact plus a probe). */
    public static JavaProcess start(String classpath, String mainClass, Map<String, String> env, String... args) {
        return run(env, List.of("-cp", classpath, mainClass), args);
    }

    private static JavaProcess run(Map<String, String> env, List<String> javaArgs, String... args) {
        // The JVM running the tests is the toolchain's JDK 21+, which the artifacts need.
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(javaArgs);
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
            throw new IllegalStateException("Could not start " + command, e);
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

    /** The processes this JVM started (and theirs), alive right now. */
    public java.util.List<ProcessHandle> descendants() {
        return process.descendants().toList();
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
