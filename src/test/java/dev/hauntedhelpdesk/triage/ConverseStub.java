package dev.hauntedhelpdesk.triage;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A local HTTP server that speaks Bedrock's Converse wire format
 * ({@code POST /model/{modelId}/converse}), answering from a queue of scripted replies. Tests
 * point the Bedrock client at it through the endpoint override; nothing reaches AWS.
 */
final class ConverseStub implements AutoCloseable {

    /** One scripted HTTP reply; {@code delayMillis} holds it back to provoke timeouts. */
    record Reply(int status, String errorType, String body, long delayMillis) {
    }

    private final HttpServer server;
    private final BlockingQueue<Reply> replies = new LinkedBlockingQueue<>();
    final List<String> paths = new CopyOnWriteArrayList<>();
    final List<String> bodies = new CopyOnWriteArrayList<>();

    ConverseStub() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            paths.add(exchange.getRequestURI().getRawPath());
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            Reply reply = replies.poll();
            if (reply == null) {
                reply = new Reply(500, "InternalServerException", "{\"message\":\"no scripted reply\"}", 0);
            }
            try {
                Thread.sleep(reply.delayMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            if (reply.errorType() != null) {
                exchange.getResponseHeaders().add("x-amzn-ErrorType", reply.errorType());
            }
            try {
                exchange.sendResponseHeaders(reply.status(), body.length);
                exchange.getResponseBody().write(body);
            } catch (IOException e) {
                // the client gave up (timeout tests)
            }
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    ConverseStub answer(String text) {
        String escaped = text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
        replies.add(new Reply(200, null, "{\"output\":{\"message\":{\"role\":\"assistant\",\"content\":[{\"text\":\""
                + escaped + "\"}]}},\"stopReason\":\"end_turn\",\"usage\":{\"inputTokens\":120,\"outputTokens\":30,"
                + "\"totalTokens\":150},\"metrics\":{\"latencyMs\":42}}", 0));
        return this;
    }

    ConverseStub throttle() {
        replies.add(new Reply(429, "ThrottlingException", "{\"message\":\"Too many requests, please wait\"}", 0));
        return this;
    }

    ConverseStub raw(int status, String body, long delayMillis) {
        replies.add(new Reply(status, null, body, delayMillis));
        return this;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
