package dev.hauntedhelpdesk.attachment;

import dev.hauntedhelpdesk.web.PayloadTooLargeException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpRequestWrapper;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import org.apache.commons.fileupload2.core.FileUploadSizeException;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The request body as the stream of bytes the client sent, never buffered whole. Binding
 * {@code @Body byte[]} is not enough: for multipart/form-data the Lambda proxy's body binder
 * parses the body as URL-encoded form parameters first (and fails on binary files), so both
 * runtimes read their {@link ServerHttpRequest} byte body instead (Netty's, streamed from the
 * socket as it is read, or the proxy's with API Gateway's base64 already undone).
 */
final class RequestBodies {

    private RequestBodies() {
    }

    /**
     * The body, at most {@code maxBytes} of it: a declared length over that is refused at once, and
     * a body without one (chunked) fails the read that passes the limit with a
     * {@link BodyTooLargeException}, which the multipart parser passes on untouched. Callers run
     * on a blocking executor, never on the event loop, and close the stream.
     */
    static InputStream stream(HttpRequest<?> request, long maxBytes) {
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
        return limited(server.byteBody().toInputStream(), maxBytes);
    }

    /** {@code in}, failing the read that takes it past {@code maxBytes}. */
    static InputStream limited(InputStream in, long maxBytes) {
        return new Limited(in, maxBytes);
    }

    /** The body went past the request limit; a size exception, so the multipart parser passes it on. */
    static final class BodyTooLargeException extends FileUploadSizeException {

        BodyTooLargeException(long maxBytes, long actual) {
            super("The request body is larger than " + maxBytes + " bytes", maxBytes, actual);
        }
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

        private void counted(long n) throws FileUploadSizeException {
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
