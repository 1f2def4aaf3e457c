package dev.hauntedhelpdesk.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
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
 * The Lambda Runtime API (2018-06-01) a function's runtime polls, served on loopback for one
 * execution environment: {@code invocation/next} hands out queued events (a long poll, as Lambda's
 * is), {@code invocation/<id>/response} and {@code /error} take the answer, {@code init/error} a
 * failed start. It notes when the runtime first asks for work, where Lambda ends its Init
 * Duration, and when each event was handed out and answered, which is what Lambda bills as an
 * invocation's Duration.
 */
final class RuntimeApiEmulator implements AutoCloseable {

    static final String FUNCTION_ARN = "arn:aws:lambda:us-east-1:123456789012:function:helpdesk-bench";
    private static final String PREFIX = "/2018-06-01/runtime/";

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final BlockingQueue<Invocation> pending = new LinkedBlockingQueue<>();
    private final Map<String, Invocation> handedOut = new ConcurrentHashMap<>();
    private final CompletableFuture<Long> firstPoll = new CompletableFuture<>();
    private final CompletableFuture<String> initError = new CompletableFuture<>();
    private volatile boolean closed;

    /** What the runtime posted for one event, and when (System.nanoTime) it got the event and answered. */
    record Answer(boolean error, String body, long handedOutNanos, long answeredNanos) {

        double millis() {
            return (answeredNanos - handedOutNanos) / 1e6;
        }
    }

    private static final class Invocation {
        final String requestId = UUID.randomUUID().toString();
        final String event;
        final CompletableFuture<Answer> answer = new CompletableFuture<>();
        volatile long handedOutNanos;

        Invocation(String event) {
            this.event = event;
        }
    }

    RuntimeApiEmulator() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(threads);
        server.createContext(PREFIX, this::handle);
        server.start();
    }

    /** The value of AWS_LAMBDA_RUNTIME_API. */
    String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** Queues an event; the answer completes when the runtime posts a response or an error for it. */
    CompletableFuture<Answer> invoke(String event) {
        Invocation invocation = new Invocation(event);
        pending.add(invocation);
        return invocation.answer;
    }

    /** When the runtime first polled for an event (System.nanoTime): its init is over. */
    CompletableFuture<Long> firstPoll() {
        return firstPoll;
    }

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
                initError.complete(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                respond(exchange, 202, "{\"status\":\"OK\"}");
            } else if (method.equals("POST") && path.startsWith("invocation/")) {
                answer(exchange, path.split("/"));
            } else {
                respond(exchange, 404, "{\"errorType\":\"NotFound\"}");
            }
        }
    }

    private void next(HttpExchange exchange) throws IOException {
        firstPoll.complete(System.nanoTime());
        Invocation invocation = null;
        try {
            while (invocation == null && !closed) {
                invocation = pending.poll(200, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (invocation == null) {
            return; // shutting down: the runtime is being stopped anyway
        }
        handedOut.put(invocation.requestId, invocation);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("Lambda-Runtime-Aws-Request-Id", invocation.requestId);
        exchange.getResponseHeaders().set("Lambda-Runtime-Deadline-Ms",
                Long.toString(System.currentTimeMillis() + 30_000));
        exchange.getResponseHeaders().set("Lambda-Runtime-Invoked-Function-Arn", FUNCTION_ARN);
        exchange.getResponseHeaders().set("Lambda-Runtime-Trace-Id",
                "Root=1-00000000-000000000000000000000000;Parent=0000000000000000;Sampled=0");
        byte[] body = invocation.event.getBytes(StandardCharsets.UTF_8);
        invocation.handedOutNanos = System.nanoTime();
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private void answer(HttpExchange exchange, String[] parts) throws IOException {
        Invocation invocation = parts.length == 3 ? handedOut.remove(parts[1]) : null;
        if (invocation == null || !(parts[2].equals("response") || parts[2].equals("error"))) {
            respond(exchange, 404, "{\"errorType\":\"InvalidRequestID\"}");
            return;
        }
        // The answer is in once its whole body has arrived.
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        long answered = System.nanoTime();
        respond(exchange, 202, "{\"status\":\"OK\"}");
        invocation.answer.complete(new Answer(parts[2].equals("error"), body, invocation.handedOutNanos, answered));
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        closed = true;
        server.stop(0);
        threads.shutdownNow();
    }
}
