package dev.hauntedhelpdesk.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A DynamoDB endpoint that answers from memory: GetItem with one fixed ticket item (the project's
 * attribute names), DescribeTable with an ACTIVE table (readiness asks for it), Query with no
 * items (the triage sweep). It costs next to nothing, so what the container's CPU figures show is
 * the container's own work, and it counts the TCP connections the client opens.
 */
final class CannedDynamoDb implements AutoCloseable {

    private final HttpServer server;
    private final byte[] item;
    private final byte[] table;
    private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
    private final AtomicInteger getItems = new AtomicInteger();

    private CannedDynamoDb(HttpServer server, String ticketId, String requester) {
        this.server = server;
        String now = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
        this.item = ("{\"Item\":{"
                + "\"pk\":{\"S\":\"TICKET#" + ticketId + "\"},\"sk\":{\"S\":\"TICKET\"},\"entity\":{\"S\":\"TICKET\"},"
                + "\"created_key\":{\"S\":\"" + now + "#" + ticketId + "\"},\"requester\":{\"S\":\"" + requester + "\"},"
                + "\"status\":{\"S\":\"pending\"},\"ticket_id\":{\"S\":\"" + ticketId + "\"},"
                + "\"title\":{\"S\":\"VPN drops every few minutes\"},"
                + "\"description\":{\"S\":\"Since this morning the VPN disconnects every five minutes or so.\"},"
                + "\"severity\":{\"S\":\"medium\"},\"category\":{\"S\":\"network\"},"
                + "\"workflow_log\":{\"L\":[{\"M\":{\"at\":{\"S\":\"" + now + "\"},\"actor\":{\"S\":\"api\"},"
                + "\"event\":{\"S\":\"created\"},\"detail\":{\"S\":\"ticket opened\"}}}]},"
                + "\"attachments\":{\"L\":[]},\"created_at\":{\"S\":\"" + now + "\"},"
                + "\"updated_at\":{\"S\":\"" + now + "\"},\"version\":{\"N\":\"1\"}}}").getBytes(StandardCharsets.UTF_8);
        this.table = ("{\"Table\":{\"TableName\":\"" + LocalDynamoDb.TABLE + "\",\"TableStatus\":\"ACTIVE\"}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    static CannedDynamoDb start(String ticketId, String requester) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
        CannedDynamoDb db = new CannedDynamoDb(server, ticketId, requester);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", db::handle);
        server.start();
        return db;
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Forgets the connections and calls seen so far. */
    void reset() {
        clientPorts.clear();
        getItems.set(0);
    }

    /** TCP connections seen since the last reset (a client port is one connection). */
    int connections() {
        return clientPorts.size();
    }

    int getItems() {
        return getItems.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            clientPorts.add(exchange.getRemoteAddress().getPort());
            exchange.getRequestBody().readAllBytes();
            String target = String.valueOf(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
            byte[] body;
            int status = 200;
            switch (target) {
                case "DynamoDB_20120810.GetItem" -> {
                    getItems.incrementAndGet();
                    body = item;
                }
                case "DynamoDB_20120810.DescribeTable" -> body = table;
                case "DynamoDB_20120810.Query" -> body = "{\"Items\":[],\"Count\":0,\"ScannedCount\":0}"
                        .getBytes(StandardCharsets.UTF_8);
                default -> {
                    status = 400;
                    body = ("{\"__type\":\"com.amazon.coral.validate#ValidationException\",\"message\":\"not canned: "
                            + target + "\"}").getBytes(StandardCharsets.UTF_8);
                }
            }
            exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
