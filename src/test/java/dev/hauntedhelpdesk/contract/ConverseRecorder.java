package dev.hauntedhelpdesk.contract;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A local endpoint speaking Bedrock's Converse wire format, for a runtime whose Bedrock engine
 * points here (endpoint override). It records every request body and answers each with the same
 * classification, which is all a test of what is sent needs, or, once told to, with an error or
 * after a delay.
 */
public final class ConverseRecorder implements AutoCloseable {

    private static final String REPLY = "{\"output\":{\"message\":{\"role\":\"assistant\",\"content\":[{\"text\":"
            + "\"{\\\"category\\\":\\\"software\\\",\\\"confidence\\\":0.9}\"}]}},\"stopReason\":\"end_turn\","
            + "\"usage\":{\"inputTokens\":10,\"outputTokens\":5,\"totalTokens\":15},\"metrics\":{\"latencyMs\":1}}";

    private final HttpServer server;
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private volatile int errorStatus;
    private volatile String errorType;
    private volatile long delayMillis;
    private final ExecutorService answering = Executors.newCachedThreadPool();

    public ConverseRecorder() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            int status = errorStatus == 0 ? 200 : errorStatus;
            byte[] body = (status == 200 ? REPLY : "{\"message\":\"scripted failure\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            if (status != 200) {
                exchange.getResponseHeaders().add("x-amzn-ErrorType", errorType);
            }
            try {
                exchange.sendResponseHeaders(status, body.length);
                exchange.getResponseBody().write(body);
            } catch (IOException e) {
                // the client gave up waiting
            }
            exchange.close();
        });
        server.setExecutor(answering);
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** From now on, answers every call with this HTTP status and Bedrock error type. */
    public ConverseRecorder failWith(int status, String errorType) {
        this.errorType = errorType;
        this.errorStatus = status;
        return this;
    }

    /** From now on, holds every answer back this long. */
    public ConverseRecorder delay(Duration delay) {
        this.delayMillis = delay.toMillis();
        return this;
    }

    /** Every Converse request body received so far, in order. */
    public List<String> bodies() {
        return List.copyOf(bodies);
    }

    @Override
    public void close() {
        server.stop(0);
        answering.shutdownNow();
    }
}
