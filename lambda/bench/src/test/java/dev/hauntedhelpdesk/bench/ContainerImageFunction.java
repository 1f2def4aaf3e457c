package dev.hauntedhelpdesk.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The API function as its container image runs it (lambda/Dockerfile): the image's function
 * directory laid out here from the same files (lambda/image's bootstrap and java.options, the
 * Runtime Interface Client's jars, the api jar, the client's native library), and its AOT cache
 * trained as the image's build trains it: lambda/image/AotTraining.java, fed every payload 2.0
 * sample event, with every endpoint on a closed port, since nothing is reachable in a build. Only
 * the JRE differs from the image's: the bench's JDK runs it.
 */
final class ContainerImageFunction {

    private static final String CLOSED_PORT = "http://127.0.0.1:9";
    private static final long TRAINING_MINUTES = 10;

    private ContainerImageFunction() {
    }

    /** Lays out the function directory in {@code dir} (replacing it), without its cache. */
    static Deployment layOut(Path imageSources, Path jar, String handler, Path runtimeLib, Path jni, Path dir)
            throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> old = Files.walk(dir)) {
                old.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Path function = Files.createDirectories(dir.resolve("function"));
        Path bootstrap = copy(imageSources.resolve("bootstrap"), function.resolve("bootstrap"));
        copy(imageSources.resolve("java.options"), function.resolve("java.options"));
        copy(jar, function.resolve("function.jar"));
        Files.writeString(function.resolve("handler"), handler + "\n");
        unpackEngineLibraries(jar, function.resolve("native"));
        copy(jni, Files.createDirectories(function.resolve("jni")).resolve("libaws-lambda-jni.so"));
        Path lib = Files.createDirectories(function.resolve("runtime-lib"));
        try (Stream<Path> jars = Files.list(runtimeLib)) {
            for (Path library : jars.filter(j -> j.toString().endsWith(".jar")).toList()) {
                copy(library, lib.resolve(library.getFileName()));
            }
        }
        if (!bootstrap.toFile().setExecutable(true)) {
            throw new IllegalStateException("Could not make " + bootstrap + " executable");
        }
        return new Deployment(jar, Files.createDirectories(dir.resolve("task")), bootstrap);
    }

    /**
     * Trains the cache (function/function.aot) for {@code subject}, whose deployment {@link #layOut}
     * made, on the sample events whose names match {@code eventNames}, as lambda/Dockerfile does.
     */
    static void train(LambdaJvm jvm, Subject subject, Path imageSources, Path events, String eventNames, Path log)
            throws IOException, InterruptedException {
        Path bootstrap = subject.deployment().bootstrap();
        List<String> command = new ArrayList<>(List.of(jvm.java().toString(),
                imageSources.resolve("AotTraining.java").toString(),
                bootstrap.resolveSibling("function.aot").toString()));
        try (Stream<Path> samples = Files.list(events)) {
            samples.filter(e -> e.getFileName().toString().matches(eventNames)).sorted()
                    .forEach(e -> command.add(e.toString()));
        }
        command.addAll(List.of("--", bootstrap.toString(), subject.handler()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(subject.deployment().taskRoot().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().clear();
        Map<String, String> environment = builder.environment();
        environment.putAll(jvm.environment(subject, "set-by-the-training"));
        environment.remove("AWS_LAMBDA_RUNTIME_API");
        for (String name : List.copyOf(environment.keySet())) {
            if (name.startsWith("AWS_ENDPOINT_URL") || name.endsWith("_QUEUE_URL")) {
                environment.put(name, name.endsWith("_QUEUE_URL") ? CLOSED_PORT + "/000000000000/training" : CLOSED_PORT);
            }
        }
        environment.put("COGNITO_JWKS_URL", CLOSED_PORT + "/jwks.json");
        awaitTraining(builder.start(), "The AOT training", TRAINING_MINUTES, log);
    }

    /** Waits for a training run (an AOT cache's, a start-up archive's) to succeed; {@code log} has its output. */
    static void awaitTraining(Process training, String what, long minutes, Path log) throws InterruptedException {
        if (!training.waitFor(minutes, TimeUnit.MINUTES)) {
            training.destroyForcibly();
            throw new IllegalStateException(what + " did not end within " + minutes + " minutes; its output is in " + log);
        }
        if (training.exitValue() != 0) {
            throw new IllegalStateException(what + " failed; its output is in " + log);
        }
    }

    /**
     * As both Dockerfiles do: the local engine's native libraries for this machine's architecture
     * unpacked into {@code root} at their paths in the jar, where -Dhelpdesk.triage.native-root
     * points the engine (beside the triage image's jar, function/native, so the directory's size is
     * the image's). A jar without them (the api jar) gets none.
     */
    static void unpackEngineLibraries(Path jar, Path root) throws IOException {
        // The two libraries' directory names for the architecture (ONNX Runtime's, then DJL's).
        List<String> platform = "aarch64".equals(System.getProperty("os.arch"))
                ? List.of("ai/onnxruntime/native/linux-aarch64/", "native/lib/linux-aarch64/")
                : List.of("ai/onnxruntime/native/linux-x64/", "native/lib/linux-x86_64/");
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry entry : zip.stream().filter(e -> !e.isDirectory()).toList()) {
                if (platform.stream().anyMatch(entry.getName()::startsWith)) {
                    Path to = root.resolve(entry.getName());
                    Files.createDirectories(to.getParent());
                    try (InputStream in = zip.getInputStream(entry)) {
                        Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
    }

    private static Path copy(Path from, Path to) {
        try {
            return Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
