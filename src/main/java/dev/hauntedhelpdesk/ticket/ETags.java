package dev.hauntedhelpdesk.ticket;

/** A ticket's ETag is its version in quotes; If-Match may carry it quoted, weak or bare. */
public final class ETags {

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** The version an If-Match names; anything unparseable can never match, hence -1. */
    static long version(String ifMatch) {
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        if (!value.matches("[0-9]{1,19}")) {
            return -1;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException tooLarge) {
            return -1;
        }
    }
}
