package dev.hauntedhelpdesk.testing;

import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A JWKS endpoint on loopback that serves a key set, or turns into a black hole: it accepts the
 * connection and the request and never answers (until closed), like an endpoint behind a
 * firewall that drops replies or a hung server.
 */
public final class JwksServer implements AutoCloseable {

    private static final String PATH = "/.well-known/jwks.json";

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final AtomicInteger requests = new AtomicInteger();
    private volatile JWKSet keys;
    private volatile boolean blackHole;

    private JwksServer(JWKSet keys, boolean blackHole) {
        this.keys = keys;
        this.blackHole = blackHole;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.createContext(PATH, this::handle);
        server.start();
    }

    /** Serves {@code keys} until {@link #blackHole()} is called. */
    public static JwksServer serving(JWKSet keys) {
        return new JwksServer(keys, false);
    }

    /** Accepts every request and never answers. */
    public static JwksServer blackHoled() {
        return new JwksServer(new JWKSet(), true);
    }

    /** A JWKS URL on a loopback port nothing listens on: every connection is refused. */
    public static String refusedUrl() {
        return "http://127.0.0.1:" + FreePort.find() + PATH;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
    }

    /** From now on, serves {@code keys} instead, as a pool does after a key rotation. */
    public void serve(JWKSet keys) {
        this.keys = keys;
    }

    /** From now on, requests are accepted and never answered. */
    public void blackHole() {
        blackHole = true;
    }

    /** @return how many requests reached the endpoint */
    public int requests() {
        return requests.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        try (exchange) {
            if (blackHole) {
                closed.await();
                return;
            }
            byte[] body = keys.toString(true).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
