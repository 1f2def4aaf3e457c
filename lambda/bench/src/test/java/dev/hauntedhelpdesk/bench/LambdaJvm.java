package dev.hauntedhelpdesk.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Starts a subject the way the managed java runtime's bootstrap starts a 1024 MB function: the
 * same JVM flags, the Runtime Interface Client as main class with the handler as its argument,
 * the runtime's jars on the classpath, the function's code in LAMBDA_TASK_ROOT, and the variables
 * Lambda sets; pinned to one CPU with {@code taskset}, since a 1024 MB function gets a fraction of
 * one vCPU (1,769 MB buys a whole one).
 */
final class LambdaJvm {

    static final int MEMORY_MB = 1024;
    static final String MAIN_CLASS = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";

    /*
     * The managed runtime's command line for a 1024 MB function, as its bootstrap runs it
     * (/proc/self/cmdline captured inside the java17 runtime, published in
     * github.com/sigpwned/the-lambda-iceberg-dissecting-the-official-java-runtimes, data/17/1024.txt;
     * the java21 runtime's bootstrap sets the same ones, and AWS's "Customize Java runtime startup
     * behavior" page documents the tiered-compilation default):
     *   -XX:MaxHeapSize=891289k (85 % of the memory) -XX:+UseSerialGC -Xshare:on
     *   -XX:SharedArchiveFile=/var/lang/lib/server/runtime.jsa -XX:+TieredCompilation
     *   -XX:TieredStopAtLevel=1 --add-opens=java.base/java.io=ALL-UNNAMED
     *   -Dorg.crac.Core.Compat=com.amazonaws.services.lambda.crac -Djava.net.preferIPv4Stack=true
     *   -XX:+ErrorFileToStderr -D...NativeClient.JNI=/var/runtime/lib/jni/libaws-lambda-jni.linux-x86_64.so
     * Lambda's runtime.jsa is an archive of its own JDK build; here the JDK's default CDS archive
     * stands in, with -Xshare:auto so a JDK without one still starts. The log4j hot-patch agent is
     * left out: neither subject uses log4j.
     * -XX:MaxRAM is not Lambda's flag but its sandbox: a 1024 MB function's JVM sees 1,220,344 kB of
     * memory (MemTotal in the same capture), not this machine's, and sizes its initial heap and
     * young generation from that, which RSS shows.
     */
    private static final String SANDBOX_MEMORY = "-XX:MaxRAM=1220344k";
    private static final List<String> FLAGS = List.of(
            "-XX:MaxHeapSize=" + (MEMORY_MB * 1024 * 85 / 100) + "k",
            SANDBOX_MEMORY,
            "-XX:+UseSerialGC",
            "-Xshare:auto",
            "-XX:+TieredCompilation",
            "-XX:TieredStopAtLevel=1",
            "--add-opens=java.base/java.io=ALL-UNNAMED",
            "-Dorg.crac.Core.Compat=com.amazonaws.services.lambda.crac",
            "-Djava.net.preferIPv4Stack=true",
            "-XX:+ErrorFileToStderr");

    private static final String JNI_LIBRARY = "libaws-lambda-jni.linux-x86_64.so";

    private final Path java;
    private final String cpu;
    private final String runtimeClasspath;
    private final Path jni;
    private final Path runtimeDir;

    private LambdaJvm(Path java, String cpu, String runtimeClasspath, Path jni, Path runtimeDir) {
        this.java = java;
        this.cpu = cpu;
        this.runtimeClasspath = runtimeClasspath;
        this.jni = jni;
        this.runtimeDir = runtimeDir;
    }

    /**
     * @param javaHome the JDK the subjects run on
     * @param cpu the CPU to pin them to
     * @param runtimeLib the runtime's jars (Lambda's /var/runtime/lib)
     */
    static LambdaJvm of(Path javaHome, String cpu, Path runtimeLib) {
        Path java = javaHome.resolve("bin/java");
        if (!Files.isExecutable(java)) {
            throw new IllegalStateException("No java at " + java + " (set -Dbench.java-home)");
        }
        List<Path> jars;
        try (Stream<Path> files = Files.list(runtimeLib)) {
            jars = files.filter(f -> f.toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path client = jars.stream().filter(j -> j.getFileName().toString().startsWith(
                "aws-lambda-java-runtime-interface-client")).findFirst()
                .orElseThrow(() -> new IllegalStateException("No Runtime Interface Client in " + runtimeLib));
        String classpath = jars.stream().map(Path::toString).collect(Collectors.joining(":"));
        return new LambdaJvm(java, cpu, classpath, extractJni(client, runtimeLib.resolve("jni")),
                runtimeLib.toAbsolutePath().getParent());
    }

    /** Starts the runtime for {@code subject}, polling {@code runtimeApi}; its output goes to {@code log}. */
    Process start(Subject subject, String runtimeApi, Path log) throws IOException {
        Path bootstrap = subject.deployment().bootstrap();
        List<String> command = new ArrayList<>(List.of("taskset", "-c", cpu));
        if (bootstrap != null) {
            command.addAll(List.of(bootstrap.toString(), subject.handler()));
        } else {
            command.add(java.toString());
            command.addAll(FLAGS);
            command.add("-Dcom.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI=" + jni);
            command.addAll(List.of("-classpath", runtimeClasspath, MAIN_CLASS, subject.handler()));
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(subject.deployment().taskRoot().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().clear();
        builder.environment().putAll(environment(subject, runtimeApi));
        if (bootstrap != null) {
            // Fails the start, rather than measuring a JVM without it, should the cache not fit.
            builder.environment().merge("JAVA_TOOL_OPTIONS", "-XX:AOTMode=on", (own, added) -> own + " " + added);
        }
        return builder.start();
    }

    /**
     * The variables Lambda sets for a java21 function (same capture as the flags), then the
     * subject's. An image's bootstrap also gets this JDK (JAVA_HOME) and the sandbox's memory
     * (-XX:MaxRAM, as the FLAGS have it), since it starts the JVM itself.
     */
    Map<String, String> environment(Subject subject, String runtimeApi) {
        Map<String, String> env = new TreeMap<>();
        env.put("PATH", "/usr/local/bin:/usr/bin/:/bin");
        env.put("LANG", "en_US.UTF-8");
        env.put("TZ", ":UTC");
        env.put("AWS_LAMBDA_RUNTIME_API", runtimeApi);
        env.put("_HANDLER", subject.handler());
        env.put("AWS_EXECUTION_ENV", "AWS_Lambda_java21");
        env.put("AWS_LAMBDA_FUNCTION_NAME", "helpdesk-bench");
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(MEMORY_MB));
        env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/helpdesk-bench");
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", "2026/12/02/[$LATEST]0123456789abcdef0123456789abcdef");
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        // The function role's credentials; the emulators take any.
        env.put("AWS_ACCESS_KEY_ID", "ASIABENCHMARKEXAMPLE");
        env.put("AWS_SECRET_ACCESS_KEY", "bench-secret-access-key");
        env.put("AWS_SESSION_TOKEN", "bench-session-token");
        env.put("AWS_XRAY_CONTEXT_MISSING", "LOG_ERROR");
        env.put("LAMBDA_TASK_ROOT", subject.deployment().taskRoot().toString());
        env.put("LAMBDA_RUNTIME_DIR", runtimeDir.toString());
        // Not set by Lambda: a guard so nothing here reaches for the EC2 metadata service.
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        if (subject.deployment().bootstrap() != null) {
            env.put("AWS_EXECUTION_ENV", "AWS_Lambda_Image");
            env.put("JAVA_HOME", java.getParent().getParent().toString());
            env.put("JAVA_TOOL_OPTIONS", SANDBOX_MEMORY);
        }
        env.putAll(subject.environment());
        return env;
    }

    /** The subjects' JDK version, from its release file. */
    String javaVersion() {
        try {
            return Files.readAllLines(java.getParent().getParent().resolve("release")).stream()
                    .filter(line -> line.startsWith("JAVA_VERSION="))
                    .map(line -> line.substring("JAVA_VERSION=".length()).replace("\"", ""))
                    .findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    String describe() {
        return "`taskset -c " + cpu + " " + java + " " + String.join(" ", FLAGS) + " ... " + MAIN_CLASS + " <handler>`";
    }

    /** The java the subjects run on. */
    Path java() {
        return java;
    }

    /** The Runtime Interface Client's native library for this machine, unpacked. */
    Path jni() {
        return jni;
    }

    /** Lambda ships the client's native library unpacked; without the property the client unpacks it on every start. */
    private static Path extractJni(Path client, Path dir) {
        try (JarFile jar = new JarFile(client.toFile())) {
            var entry = jar.getEntry("jni/" + JNI_LIBRARY);
            if (entry == null) {
                throw new IllegalStateException(client + " has no " + JNI_LIBRARY);
            }
            Files.createDirectories(dir);
            Path target = dir.resolve(JNI_LIBRARY);
            try (InputStream in = jar.getInputStream(entry)) {
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
