package dev.hauntedhelpdesk.lambda;

import com.sun.net.httpserver.HttpServer;
import dev.hauntedhelpdesk.testing.BackendProperties;
import dev.hauntedhelpdesk.testing.CognitoPool;
import dev.hauntedhelpdesk.testing.MotoServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The triage function consumes a queue and serves no request that carries a token, so neither
 * its cold start nor a SnapStart restore fetches the pool's signing keys; the API function fetches
 * them at init. Counted at a key set endpoint of the test's own, over a real socket.
 */
class TriageFunctionKeysTest {

    private final AtomicInteger fetches = new AtomicInteger();
    private HttpServer jwks;
    private Map<String, Object> properties;

    @BeforeEach
    void start() throws IOException {
        CognitoPool pool = CognitoPool.shared();
        // The pool's own key set, served again here so that each fetch is counted.
        byte[] keys = pool.jwksUrl().toURL().openStream().readAllBytes();
        jwks = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        jwks.createContext("/jwks.json", exchange -> {
            fetches.incrementAndGet();
            byte[] body = keys;
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        jwks.start();
        properties = BackendProperties.forApp(BackendProperties.uniqueTableName(), MotoServer.shared().endpoint(), pool);
        properties.put("helpdesk.cognito.jwks-url", "http://127.0.0.1:" + jwks.getAddress().getPort() + "/jwks.json");
    }

    @AfterEach
    void stop() {
        jwks.stop(0);
    }

    @Test
    void theTriageFunctionsColdStart_andItsRestore_neverFetchTheSigningKeys() {
        TriageQueueHandler triage = SqsEventSource.triageFunction(properties);
        try {
            assertEquals(0, fetches.get(), "key set fetches");
            triage.priming().afterRestore(null);
            assertEquals(0, fetches.get(), "key set fetches after a SnapStart restore");
        } finally {
            triage.close();
        }
    }

    @Test
    void theApiFunctionsColdStart_fetchesThemAtInit() {
        try (HttpApiEventFunction api = LambdaRuntime.handler(properties, LambdaRuntime.TestV2Function::new)) {
            assertEquals(1, fetches.get(), "key set fetches");
        }
    }
}
