package dev.hauntedhelpdesk.ticket;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The one shape a ticket id has: a random UUID in its lower-case canonical form
 * ({@code 8-4-4-4-12} hex digits). An id of any other shape names no ticket, so it is answered
 * like a missing one and never reaches the store, where an overlong one would be a key DynamoDB
 * refuses.
 */
public final class TicketIds {

    private static final Pattern SHAPE = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private TicketIds() {
    }

    static String generate() {
        return UUID.randomUUID().toString();
    }

    /** Whether {@code id} could be a ticket's id. */
    public static boolean isWellFormed(String id) {
        return id != null && SHAPE.matcher(id).matches();
    }
}
