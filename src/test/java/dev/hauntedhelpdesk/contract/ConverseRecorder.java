package dev.hauntedhelpdesk.contract;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local endpoint speaking Bedrock's Converse wire format, for a runtime whose Bedrock engine
 * points here (endpoint override). It records every request body and answers each with the same
 * classification, which is all a test of what is sent needs.
 */
public final class ConverseRecorder implements AutoCloseable {

    private static final String REPLY = "{\"output\":{\"message\":{\"role\":\"assistant\",\"content\":[{\"text\":"
            + "\"{\\\"category\\\":\\\"software\\\",\\\"confidence\\\":0.9}\"}]}},\"stopReason\":\"end_turn\","
            + "\"usage\":{\"inputTokens\":10,\"outputTokens\":5,\"totalTokens\":15},\"metrics\":{\"latencyMs\":1}}";

    private final HttpServer server;
    private final List<String> bodies = new CopyOnWriteArrayList<>();

    public ConverseRecorder() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] body = REPLY.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Every Converse request body received so far, in order. */
    public List<String> bodies() {
        return List.copyOf(bodies);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
