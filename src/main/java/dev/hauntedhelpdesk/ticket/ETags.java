package dev.hauntedhelpdesk.ticket;

/** A ticket's ETag is its version in quotes; If-Match may carry it quoted, weak or bare. */
final class ETags {

    private ETags() {
    }

    static String of(long version) {
        return "\"" + version + "\"";
    }

    /** The version an If-Match names; anything unparseable can never match, hence -1. */
    static long version(String ifMatch) {
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
