package dev.hauntedhelpdesk.attachment;

import dev.hauntedhelpdesk.web.PayloadTooLargeException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpRequestWrapper;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.http.body.CloseableAvailableByteBody;

import java.util.concurrent.ExecutionException;

/**
 * The request body as the bytes the client sent. Binding {@code @Body byte[]} is not enough: for
 * multipart/form-data the Lambda proxy's body binder parses the body as URL-encoded form
 * parameters first (and fails on binary files), so both runtimes read their {@link ServerHttpRequest}
 * byte body instead (Netty's, or the proxy's with API Gateway's base64 already undone).
 */
final class RequestBodies {

    private RequestBodies() {
    }

    /** Reads the whole body; callers run on a blocking executor, never on the event loop. */
    static byte[] bytes(HttpRequest<?> request, long maxBytes) {
        HttpRequest<?> unwrapped = request;
        // The servlet layer (Lambda) hands routes a wrapper around its request.
        while (!(unwrapped instanceof ServerHttpRequest<?>) && unwrapped instanceof HttpRequestWrapper<?> wrapper) {
            unwrapped = wrapper.getDelegate();
        }
        if (!(unwrapped instanceof ServerHttpRequest<?> server)) {
            throw new IllegalStateException("Not a server request: " + request.getClass().getName());
        }
        if (server.byteBody().expectedLength().orElse(0) > maxBytes) {
            throw new PayloadTooLargeException(maxBytes);
        }
        try (CloseableAvailableByteBody body = server.byteBody().buffer().get()) {
            return body.toByteArray();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading the request body", e);
        } catch (ExecutionException e) {
            throw new MalformedMultipartException("The request body could not be read");
        }
    }
}
