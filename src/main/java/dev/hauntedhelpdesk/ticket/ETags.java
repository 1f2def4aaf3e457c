package dev.hauntedhelpdesk.ticket;

/** A ticket's ETag is its version in quotes, a strong entity-tag (RFC 9110 8.8.3). */
public final class ETags {

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }
}
