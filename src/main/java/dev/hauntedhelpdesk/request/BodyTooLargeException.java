package dev.hauntedhelpdesk.request;

import java.io.IOException;

/**
 * A streamed body went past its limit. An {@link IOException}, so it travels through whatever
 * reads the stream (the multipart parser wraps it at most) to the code that turns it into a 413.
 */
public final class BodyTooLargeException extends IOException {

    private final long maxBytes;

    BodyTooLargeException(long maxBytes, long actual) {
        super("The request body is larger than " + maxBytes + " bytes (at least " + actual + " read)");
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }
}
