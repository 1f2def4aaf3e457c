package dev.hauntedhelpdesk.request;

import dev.hauntedhelpdesk.problem.MalformedJsonException;
import dev.hauntedhelpdesk.problem.PayloadTooLargeException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpRequestWrapper;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.http.body.CloseableAvailableByteBody;
import io.micronaut.http.exceptions.ContentLengthExceededException;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.ExecutionException;

/**
 * The request body as the client sent it, read the same way in both runtimes. Binding
 * {@code @Body byte[]} is not enough: for multipart/form-data the Lambda proxy's body binder
 * parses the body as URL-encoded form parameters first (and fails on binary files), and on an
 * empty body it fails where Netty's gives null. So controllers read their
 * {@link ServerHttpRequest}'s byte body instead (Netty's, streamed from the socket as it is read,
 * or the proxy's with API Gateway's base64 already undone). Callers run on a blocking executor,
 * never on the event loop.
 */
public final class RequestBodies {

    private RequestBodies() {
    }

    /**
     * The whole body, at most {@code maxBytes} of it (a declared length over that is refused
     * before anything is read).
     *
     * @throws PayloadTooLargeException over {@code maxBytes}
     * @throws MalformedJsonException when the body could not be read
     */
    public static byte[] bytes(HttpRequest<?> request, long maxBytes) {
        ServerHttpRequest<?> server = server(request, maxBytes);
        try (CloseableAvailableByteBody body = server.byteBody().buffer().get()) {
            if (body.length() > maxBytes) {
                throw new PayloadTooLargeException(maxBytes);
            }
            return body.toByteArray();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading the request body", e);
        } catch (ExecutionException e) {
            throw new MalformedJsonException("The request body could not be read");
        }
    }

    /**
     * The body as a stream, at most {@code maxBytes} of it: a declared length over that is refused
     * at once, and a body without one (chunked) fails the read that passes the limit with a
     * {@link BodyTooLargeException}. The caller closes the stream.
     */
    public static InputStream stream(HttpRequest<?> request, long maxBytes) {
        return limited(server(request, maxBytes).byteBody().toInputStream(), maxBytes);
    }

    private static ServerHttpRequest<?> server(HttpRequest<?> request, long maxBytes) {
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
        return server;
    }

    /** {@code in}, failing the read that takes it past {@code maxBytes}. */
    public static InputStream limited(InputStream in, long maxBytes) {
        return new Limited(in, maxBytes);
    }


    /** Counts what is read and fails past the limit, whichever side (this or the server) notices first. */
    private static final class Limited extends FilterInputStream {

        private final long maxBytes;
        private long count;

        Limited(InputStream in, long maxBytes) {
            super(in);
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int b;
            try {
                b = super.read();
            } catch (IOException | RuntimeException e) {
                throw translated(e);
            }
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n;
            try {
                n = super.read(b, off, len);
            } catch (IOException | RuntimeException e) {
                throw translated(e);
            }
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped;
            try {
                skipped = super.skip(n);
            } catch (IOException | RuntimeException e) {
                throw translated(e);
            }
            counted(skipped);
            return skipped;
        }

        private void counted(long n) throws BodyTooLargeException {
            count += n;
            if (count > maxBytes) {
                throw new BodyTooLargeException(maxBytes, count);
            }
        }

        /** The Netty server's own request-size limit surfaces as a failed read; it means the same. */
        private IOException translated(Exception e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof ContentLengthExceededException) {
                    return new BodyTooLargeException(maxBytes, count);
                }
            }
            if (e instanceof IOException io) {
                return io;
            }
            return new IOException("The request body could not be read", e);
        }
    }
}
