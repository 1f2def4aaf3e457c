package dev.hauntedhelpdesk.container;

import dev.hauntedhelpdesk.contract.ApiRequest;
import dev.hauntedhelpdesk.contract.ApiResponse;
import dev.hauntedhelpdesk.contract.RuntimeUnderTest;
import dev.hauntedhelpdesk.contract.ServerUnderTest;
import dev.hauntedhelpdesk.testing.SdkCallRecorder;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The container runtime: the real Netty server on a random port, called over a real socket. Every
 * SDK call the server makes is recorded as the ECS task role's ({@link #ROLE}), which
 * {@code TaskRolePoliciesIT} holds against the role's policy in {@code container/template.yaml}.
 */
final class NettyRuntime implements RuntimeUnderTest {

    /** The task role's logical id in container/template.yaml. */
    static final String ROLE = "TaskRole";

    @Override
    public ServerUnderTest start(Map<String, Object> properties) {
        Map<String, Object> withPort = new HashMap<>(properties);
        withPort.put("micronaut.server.port", -1);
        EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, SdkCallRecorder.as(ROLE, withPort));
        return new Socket(server);
    }

    /** Where a server this runtime started listens, for tests that need a client of their own. */
    static URI address(ServerUnderTest server) {
        return URI.create("http://127.0.0.1:" + ((Socket) server).server.getPort());
    }

    private static final class Socket implements ServerUnderTest {

        private final EmbeddedServer server;
        private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        Socket(EmbeddedServer server) {
            this.server = server;
        }

        @Override
        public ApiResponse send(ApiRequest request) {
            if (RawHttp.needed(request)) {
                return RawHttp.send(server.getPort(), request);
            }
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort()
                    + request.pathWithQuery())).timeout(Duration.ofSeconds(30));
            request.headers().forEach(builder::header);
            builder.method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(request.body()));
            try {
                HttpResponse<byte[]> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
                Map<String, String> headers = new HashMap<>();
                response.headers().map().forEach((k, v) -> headers.put(k, String.join(",", v)));
                return new ApiResponse(response.statusCode(), headers, response.body());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        @Override
        public ApplicationContext applicationContext() {
            return server.getApplicationContext();
        }

        @Override
        public void close() {
            server.getApplicationContext().close();
        }
    }
}
