package dev.hauntedhelpdesk.triage;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The RFC 7240 preferences {@code POST /process} honours: {@code respond-async} and
 * {@code wait=<delta-seconds>}. Names are case-insensitive, preferences comma-separated, their
 * parameters after ';'; a preference given twice counts the first time (RFC 7240 2), and one
 * that is malformed is ignored, as are preferences not named here.
 */
record Preferences(boolean respondAsync, Optional<Duration> waitFor) {

    static Preferences parse(String prefer) {
        boolean async = false;
        Duration wait = null;
        boolean waitSeen = false;
        for (String preference : prefer == null ? new String[0] : prefer.split(",")) {
            String token = preference.split(";", 2)[0];
            String[] nameValue = token.split("=", 2);
            String name = nameValue[0].trim().toLowerCase(Locale.ROOT);
            String value = nameValue.length > 1 ? unquote(nameValue[1].trim()) : null;
            if (TriageController.RESPOND_ASYNC.equals(name)) {
                async = true;
            } else if ("wait".equals(name) && !waitSeen) {
                waitSeen = true;
                wait = deltaSeconds(value);
            }
        }
        return new Preferences(async, Optional.ofNullable(wait));
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }

    /** RFC 9111 delta-seconds: digits only; too large to count is as good as forever. */
    private static Duration deltaSeconds(String value) {
        if (value == null || value.isEmpty() || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        return value.length() > 9 ? Duration.ofSeconds(999_999_999) : Duration.ofSeconds(Long.parseLong(value));
    }
}
