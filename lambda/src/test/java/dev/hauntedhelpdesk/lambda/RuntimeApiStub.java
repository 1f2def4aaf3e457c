package dev.hauntedhelpdesk.lambda;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The Lambda Runtime API (2018-06-01) as the Lambda service serves it to a function's runtime:
 * {@code invocation/next} hands out queued events with the request id, deadline and function ARN
 * headers; {@code invocation/{id}/response} and {@code /error} record the answer;
 * {@code init/error} records a failed start. It records when the runtime first asked for work,
 * which is where Lambda ends its Init Duration.
 */
final class RuntimeApiStub implements AutoCloseable {

    static final String FUNCTION_ARN = "arn:aws:lambda:us-east-1:123456789012:function:helpdesk";
    private static final String PREFIX = "/2018-06-01/runtime/";

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final BlockingQueue<Invocation> pending = new LinkedBlockingQueue<>();
    private final Map<String, CompletableFuture<Answer>> answers = new ConcurrentHashMap<>();
    private final CompletableFuture<Long> firstPoll = new CompletableFuture<>();
    private final CompletableFuture<String> initError = new CompletableFuture<>();

    /** What the runtime posted back for one invocation: the response, or an error report. */
    record Answer(boolean error, String body, long receivedNanos) {
    }

    private record Invocation(String requestId, String event) {
    }

    RuntimeApiStub() throws IOException {
        this(InetAddress.getLoopbackAddress());
    }

    /** Listens on {@code address}, say the host end of a network namespace's veth pair. */
    RuntimeApiStub(InetAddress address) throws IOException {
        server = HttpServer.create(new InetSocketAddress(address, 0), 0);
        server.setExecutor(executor);
        server.createContext(PREFIX, this::handle);
        server.start();
    }

    /** The value of AWS_LAMBDA_RUNTIME_API for the runtime process. */
    String address() {
        return server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort();
    }

    /** Queues one event; the answer completes when the runtime posts its response or error. */
    CompletableFuture<Answer> invoke(String event) {
        String requestId = UUID.randomUUID().toString();
        CompletableFuture<Answer> answer = new CompletableFuture<>();
        answers.put(requestId, answer);
        pending.add(new Invocation(requestId, event));
        return answer;
    }

    /** When the runtime first polled for an event (System.nanoTime), i.e. finished its init. */
    CompletableFuture<Long> firstPoll() {
        return firstPoll;
    }

    /** The init error the runtime reported, if it reported one. */
    CompletableFuture<String> initError() {
        return initError;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring(PREFIX.length());
            String method = exchange.getRequestMethod();
            if (method.equals("GET") && path.equals("invocation/next")) {
                next(exchange);
            } else if (method.equals("POST") && path.equals("init/error")) {
                initError.complete(read(exchange.getRequestBody()));
                respond(exchange, 202, "{\"status\":\"OK\"}");
            } else if (method.equals("POST") && path.startsWith("invocation/")) {
                String[] parts = path.split("/");
                CompletableFuture<Answer> answer = parts.length == 3 ? answers.get(parts[1]) : null;
                if (answer == null || !(parts[2].equals("response") || parts[2].equals("error"))) {
                    respond(exchange, 404, "{\"errorType\":\"InvalidRequestID\"}");
                    return;
                }
                answer.complete(new Answer(parts[2].equals("error"), read(exchange.getRequestBody()),
                        System.nanoTime()));
                respond(exchange, 202, "{\"status\":\"OK\"}");
            } else {
                respond(exchange, 404, "{\"errorType\":\"NotFound\"}");
            }
        }
    }

    private void next(HttpExchange exchange) throws IOException {
        firstPoll.complete(System.nanoTime());
        Invocation invocation;
        try {
            // Long poll, as the real endpoint does; the runtime waits here between events.
            invocation = pending.poll(5, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (invocation == null) {
            respond(exchange, 500, "{\"errorType\":\"NoEvent\"}");
            return;
        }
        exchange.getResponseHeaders().add("Lambda-Runtime-Aws-Request-Id", invocation.requestId());
        exchange.getResponseHeaders().add("Lambda-Runtime-Deadline-Ms",
                Long.toString(System.currentTimeMillis() + Duration.ofSeconds(30).toMillis()));
        exchange.getResponseHeaders().add("Lambda-Runtime-Invoked-Function-Arn", FUNCTION_ARN);
        exchange.getResponseHeaders().add("Lambda-Runtime-Trace-Id",
                "Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419;Sampled=0");
        respond(exchange, 200, invocation.event());
    }

    private static String read(InputStream body) throws IOException {
        return new String(body.readAllBytes(), StandardCharsets.UTF_8);
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
