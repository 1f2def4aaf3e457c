package dev.hauntedhelpdesk.attachment;

import java.util.regex.Pattern;

/** The only key shapes storage accepts: generated ids joined by slashes, nothing a client chose. */
final class StorageKeys {

    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern KEY = Pattern.compile("(attachments|incoming)(/" + ID.pattern() + "){1,2}");

    private StorageKeys() {
    }

    static String stored(String attachmentId) {
        return check("attachments/" + attachmentId);
    }

    static String incoming(String ticketId, String attachmentId) {
        return check("incoming/" + ticketId + "/" + attachmentId);
    }

    static boolean isId(String value) {
        return value != null && ID.matcher(value).matches();
    }

    static String check(String key) {
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("Not a storage key: " + key);
        }
        return key;
    }
}
