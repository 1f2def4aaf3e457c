import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The training run behind a function image's AOT cache (lambda/Dockerfile, lambda/README.md
 * "Container images"): starts the function with {@code -XX:AOTCacheOutput} added to its
 * JAVA_TOOL_OPTIONS, acts as the Lambda Runtime API it polls, hands it each sample event once, then
 * stops it, and the JVM writes the cache on that exit. JDK only (compiled in the image's build
 * stage, run on its JRE; the bench runs it from source), no dependencies.
 *
 * <pre>java AotTraining &lt;cache file&gt; &lt;event.json&gt;... -- &lt;command that starts the function...&gt;</pre>
 *
 * The function's environment is this process's: every AWS endpoint must point at a closed local
 * port, so the run reaches nothing and every call takes its error path (an unknown key, an
 * unreachable table), which loads the classes a real call loads. It fails when the function reports
 * an init error, exits early, or writes no cache.
 */
public final class AotTraining {

    private static final String API = "/2018-06-01/runtime";
    private static final long CALL_SECONDS = 120;
    /** Writing the cache after the run (assembling it in a second JVM) takes a while on one CPU. */
    private static final long EXIT_SECONDS = 300;

    private record Invocation(String id, String event, CompletableFuture<String> answer) {
    }

    public static void main(String[] args) throws Exception {
        int separator = List.of(args).indexOf("--");
        if (separator < 2 || separator == args.length - 1) {
            throw new IllegalArgumentException(
                    "usage: java AotTraining <cache file> <event.json>... -- <java> <flags and main class...>");
        }
        Path cache = Path.of(args[0]);
        List<String> events = new ArrayList<>();
        for (int i = 1; i < separator; i++) {
            events.add(placeholders(Files.readString(Path.of(args[i]))));
        }
        List<String> command = List.of(args).subList(separator + 1, args.length);
        Files.deleteIfExists(cache);

        LinkedBlockingQueue<Invocation> pending = new LinkedBlockingQueue<>();
        List<Invocation> invocations = new CopyOnWriteArrayList<>();
        CompletableFuture<String> initError = new CompletableFuture<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        // Daemon threads: the function's last poll waits for an event that never comes, and that
        // wait must not keep this JVM alive once the function has stopped.
        server.setExecutor(Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "runtime-api");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext(API + "/invocation/next", exchange -> next(exchange, pending));
        server.createContext(API + "/invocation/", exchange -> {
            // /invocation/{id}/response or /invocation/{id}/error
            String[] parts = exchange.getRequestURI().getPath().substring((API + "/invocation/").length()).split("/");
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            invocations.stream().filter(i -> i.id().equals(parts[0])).findFirst()
                    .ifPresent(i -> i.answer().complete(parts.length > 1 && parts[1].equals("error") ? "error " + body : body));
            answer(exchange, 202, "{}");
        });
        server.createContext(API + "/init/error", exchange -> {
            initError.complete(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            answer(exchange, 202, "{}");
        });
        server.start();

        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().put("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:" + server.getAddress().getPort());
        builder.environment().merge("JAVA_TOOL_OPTIONS", "-XX:AOTCacheOutput=" + cache, (own, added) -> own + " " + added);
        Process function = builder.start();
        try {
            for (int i = 0; i < events.size(); i++) {
                Invocation invocation = new Invocation("training-" + (i + 1), events.get(i), new CompletableFuture<>());
                invocations.add(invocation);
                pending.add(invocation);
                String answer = await(invocation.answer(), initError, function);
                if (answer.startsWith("error ")) {
                    throw new IllegalStateException("the function failed on event " + (i + 1) + ": " + answer);
                }
                System.out.println("training call " + (i + 1) + "/" + events.size() + ": "
                        + answer.substring(0, Math.min(answer.length(), 120)));
            }
        } finally {
            // SIGTERM: the JVM runs its shutdown and writes the cache as it exits.
            function.destroy();
            if (!function.waitFor(EXIT_SECONDS, TimeUnit.SECONDS)) {
                function.destroyForcibly();
            }
            server.stop(0);
        }
        if (!Files.isRegularFile(cache) || Files.size(cache) == 0) {
            throw new IllegalStateException("the function's JVM wrote no AOT cache at " + cache);
        }
        System.out.println("AOT cache " + cache + ": " + Files.size(cache) / 1_000_000 + " MB");
    }

    /** The events' placeholders: a well-formed token whose key the (unreachable) key set cannot have. */
    private static String placeholders(String event) {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String token = url.encodeToString("{\"kid\":\"training\",\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8))
                + "." + url.encodeToString(("{\"sub\":\"training\",\"token_use\":\"access\",\"client_id\":\"training\","
                + "\"exp\":4102444800}").getBytes(StandardCharsets.UTF_8))
                + "." + url.encodeToString(new byte[256]);
        return event.replace("{{ACCESS_TOKEN}}", token)
                .replace("{{TICKET_ID}}", "00000000-0000-4000-8000-000000000000")
                .replace("{{SUB}}", "training")
                .replace("{{CLIENT_ID}}", "training");
    }

    private static void next(HttpExchange exchange, LinkedBlockingQueue<Invocation> pending) throws IOException {
        Invocation invocation;
        try {
            invocation = pending.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        exchange.getResponseHeaders().set("Lambda-Runtime-Aws-Request-Id", invocation.id());
        exchange.getResponseHeaders().set("Lambda-Runtime-Deadline-Ms",
                Long.toString(System.currentTimeMillis() + CALL_SECONDS * 1000));
        exchange.getResponseHeaders().set("Lambda-Runtime-Invoked-Function-Arn",
                "arn:aws:lambda:us-east-1:000000000000:function:aot-training");
        exchange.getResponseHeaders().set("Lambda-Runtime-Trace-Id",
                "Root=1-00000000-000000000000000000000000;Sampled=0");
        answer(exchange, 200, invocation.event());
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static String await(CompletableFuture<String> answer, CompletableFuture<String> initError, Process function)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(CALL_SECONDS);
        while (System.nanoTime() < deadline) {
            if (initError.isDone()) {
                throw new IllegalStateException("the function reported an init error: " + initError.join());
            }
            if (!function.isAlive()) {
                throw new IllegalStateException("the function's JVM exited with code " + function.exitValue());
            }
            try {
                return answer.get(50, TimeUnit.MILLISECONDS);
            } catch (TimeoutException notYet) {
                // poll again
            }
        }
        throw new IllegalStateException("no answer within " + CALL_SECONDS + " s");
    }
}
