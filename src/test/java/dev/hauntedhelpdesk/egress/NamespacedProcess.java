package dev.hauntedhelpdesk.egress;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A program run inside a {@link NetworkNamespace} with exactly the environment given (plus PATH,
 * JAVA_HOME and LANG), a fresh empty home that is also its working directory, and its output in a
 * file. Unlike
 * {@code JavaProcess} it does not switch the AWS SDK's metadata lookups off: finding such lookups
 * is the point.
 */
public final class NamespacedProcess implements AutoCloseable {

    private final Process process;
    private final Path home;
    private final Path output;

    private NamespacedProcess(Process process, Path home, Path output) {
        this.process = process;
        this.home = home;
        this.output = output;
    }

    /**
     * Starts {@code command} inside {@code namespace}.
     *
     * @param namespace where it runs
     * @param command the program and its arguments
     * @param env its environment variables
     * @return the running process; close it
     */
    public static NamespacedProcess start(NetworkNamespace namespace, List<String> command, Map<String, String> env) {
        try {
            Path home = Files.createTempDirectory("helpdesk-netns-home");
            Path output = Files.createTempFile("helpdesk-netns", ".log");
            ProcessBuilder builder = new ProcessBuilder(namespace.exec(command)).directory(home.toFile())
                    .redirectErrorStream(true).redirectOutput(output.toFile());
            Map<String, String> environment = builder.environment();
            environment.keySet().retainAll(List.of("PATH", "JAVA_HOME", "LANG"));
            // No ~/.aws (profiles, regions) of the machine running the tests: only env configures it.
            environment.put("HOME", home.toString());
            environment.putAll(env);
            return new NamespacedProcess(builder.start(), home, output);
        } catch (IOException e) {
            throw new IllegalStateException("Could not start " + command + " in " + namespace.name(), e);
        }
    }

    /**
     * The JVM running the tests (the toolchain's JDK 21+, which the artifacts need) with these
     * arguments.
     *
     * @param args what follows {@code java}
     * @return the command line
     */
    public static List<String> java(String... args) {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
        command.addAll(List.of(args));
        return command;
    }

    /** @return everything the process wrote so far */
    public String output() {
        try {
            return Files.readString(output);
        } catch (IOException e) {
            return "(output unreadable: " + e + ")";
        }
    }

    /** @return whether the process still runs */
    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Waits until the output holds a line starting with {@code prefix}.
     *
     * @param prefix the line's start
     * @param timeout how long to wait
     * @return whether it appeared while the process ran
     */
    public boolean awaitLine(String prefix, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (output().lines().anyMatch(line -> line.startsWith(prefix))) {
                return true;
            }
            if (!process.isAlive()) {
                return false;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // A temporary folder left behind is harmless; the output file is kept on purpose.
        }
    }
}
