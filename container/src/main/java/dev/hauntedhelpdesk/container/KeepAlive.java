package dev.hauntedhelpdesk.container;

/**
 * How many idle connections per host the JDK keeps open for the SDK's url-connection client.
 *
 * <p>The JDK's keep-alive cache holds 5 by default ({@code http.maxConnections}), so at 8
 * concurrent requests one DynamoDB call in five opened a new TLS connection and closed it again.
 * The cache reads the property once, when it is first used, so this runs first thing in
 * {@code main}. A value set on the command line ({@code -Dhttp.maxConnections=...}) wins.
 */
final class KeepAlive {

    static final String PROPERTY = "http.maxConnections";

    /** Above the worker pool and Netty's event loops put together, far below DynamoDB's limits. */
    static final int MAX_IDLE_CONNECTIONS_PER_HOST = 50;

    private KeepAlive() {
    }

    static void configure() {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, Integer.toString(MAX_IDLE_CONNECTIONS_PER_HOST));
        }
    }
}
