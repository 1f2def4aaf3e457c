package dev.hauntedhelpdesk.testing;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.net.URI;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * An in-memory DynamoDB Local server, started once per JVM and stopped when the JVM exits.
 * It starts empty: the application creates its own table.
 */
public final class DynamoDbLocalServer {

    private static final int START_ATTEMPTS = 3;

    private static DynamoDbLocalServer shared;

    private final DynamoDBProxyServer server;
    private final URI endpoint;

    private DynamoDbLocalServer(DynamoDBProxyServer server, URI endpoint) {
        this.server = server;
        this.endpoint = endpoint;
    }

    /**
     * Returns the server for this JVM, starting it on first use.
     *
     * @return the shared server
     */
    public static synchronized DynamoDbLocalServer shared() {
        if (shared == null) {
            DynamoDbLocalServer started = start();
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "dynamodb-local-stop"));
            shared = started;
        }
        return shared;
    }

    /**
     * Returns the HTTP endpoint to use as the SDK endpoint override.
     *
     * @return the server endpoint
     */
    public URI endpoint() {
        return endpoint;
    }

    /**
     * Builds a new client for this server; the caller may close it.
     *
     * @return a client in us-east-1 with dummy credentials
     */
    public DynamoDbClient client() {
        return DynamoDbClient.builder()
                .region(LocalAws.REGION)
                .credentialsProvider(LocalAws.credentials())
                .endpointOverride(endpoint)
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    private static DynamoDbLocalServer start() {
        Exception lastFailure = null;
        // Another process may grab the port between probing and binding, so try a few.
        for (int attempt = 0; attempt < START_ATTEMPTS; attempt++) {
            int port = FreePort.find();
            try {
                // -sharedDb: every client sees the same tables whatever access key or region it signs with.
                DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(new String[] {
                    "-inMemory", "-sharedDb", "-disableTelemetry", "-port", String.valueOf(port)
                });
                server.start();
                return new DynamoDbLocalServer(server, URI.create("http://127.0.0.1:" + port));
            } catch (Exception e) {
                lastFailure = e;
            }
        }
        throw new IllegalStateException("DynamoDB Local did not start", lastFailure);
    }

    private void stop() {
        try {
            server.stop();
        } catch (Exception e) {
            // The JVM is exiting; an in-memory server has nothing left to lose.
        }
    }
}
