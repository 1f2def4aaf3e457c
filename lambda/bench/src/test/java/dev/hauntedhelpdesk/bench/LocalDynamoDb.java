package dev.hauntedhelpdesk.bench;

import dev.hauntedhelpdesk.dynamodb.HelpdeskTable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * moto_server's DynamoDB on a free loopback port (as the project's tests run it), holding the
 * project's table (created by the project's own HelpdeskTable) and one ticket item written as the
 * project writes them (src/README.md, "DynamoDB table design").
 */
final class LocalDynamoDb implements AutoCloseable {

    static final String TABLE = "helpdesk-bench";

    private final Process process;
    private final URI endpoint;

    private LocalDynamoDb(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    static LocalDynamoDb start(Path log) throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Process process = new ProcessBuilder("moto_server", "-H", "127.0.0.1", "-p", Integer.toString(port))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        LocalDynamoDb db = new LocalDynamoDb(process, URI.create("http://127.0.0.1:" + port));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!db.listening(port)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                db.close();
                throw new IllegalStateException("moto_server did not start; see " + log);
            }
            Thread.sleep(200);
        }
        return db;
    }

    URI endpoint() {
        return endpoint;
    }

    /** Creates the table and stores a pending ticket of {@code requester}; returns the ticket's id. */
    String createTicket(String ticketId, String requester) {
        try (DynamoDbClient client = client()) {
            HelpdeskTable.createIfMissing(client, TABLE);
            String now = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
            Map<String, AttributeValue> item = new HashMap<>();
            item.put(HelpdeskTable.PK, s("TICKET#" + ticketId));
            item.put(HelpdeskTable.SK, s("TICKET"));
            item.put(HelpdeskTable.ENTITY, s("TICKET"));
            item.put(HelpdeskTable.CREATED_KEY, s(now + "#" + ticketId));
            item.put(HelpdeskTable.REQUESTER, s(requester));
            item.put(HelpdeskTable.STATUS, s("pending"));
            item.put("ticket_id", s(ticketId));
            item.put("title", s("VPN drops every few minutes"));
            item.put("description", s("Since this morning the VPN disconnects every five minutes or so."));
            item.put("severity", s("medium"));
            item.put("category", s("network"));
            item.put("workflow_log", AttributeValue.fromL(List.of(AttributeValue.fromM(Map.of(
                    "at", s(now), "actor", s("api"), "event", s("created"), "detail", s("ticket opened"))))));
            item.put("attachments", AttributeValue.fromL(List.of()));
            item.put("created_at", s(now));
            item.put("updated_at", s(now));
            item.put("version", AttributeValue.fromN("1"));
            client.putItem(b -> b.tableName(TABLE).item(item));
        }
        return ticketId;
    }

    /** The ticket's status as the table holds it ({@code absent} when there is no such item). */
    String status(String ticketId) {
        try (DynamoDbClient client = client()) {
            Map<String, AttributeValue> item = client.getItem(b -> b.tableName(TABLE).consistentRead(true)
                    .key(Map.of(HelpdeskTable.PK, s("TICKET#" + ticketId), HelpdeskTable.SK, s("TICKET")))).item();
            return item == null || !item.containsKey(HelpdeskTable.STATUS) ? "absent" : item.get(HelpdeskTable.STATUS).s();
        }
    }

    private DynamoDbClient client() {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    private boolean listening(int port) {
        try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    @Override
    public void close() {
        // moto_server is a shim that starts Python: stop its children too.
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
