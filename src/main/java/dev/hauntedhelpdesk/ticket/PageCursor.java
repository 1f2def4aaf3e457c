package dev.hauntedhelpdesk.ticket;

import dev.hauntedhelpdesk.problem.InvalidParameterException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Where a list page ended: the {@code created_key} of its last ticket. Only that sort key is
 * encoded; the partition of the query is always rebuilt from the caller, so a tampered cursor can
 * never reach another requester's tickets.
 */
public record PageCursor(String createdKey) {

    private static final Pattern CREATED_KEY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z#[0-9a-f-]{36}");

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(createdKey.getBytes(StandardCharsets.UTF_8));
    }

    public String ticketId() {
        return createdKey.substring(createdKey.indexOf('#') + 1);
    }

    /** Decodes a cursor from the query string; anything not produced by {@link #encode()} is a 400. */
    public static PageCursor decode(String cursor) {
        try {
            String key = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            PageCursor decoded = new PageCursor(key);
            // Only the exact encoding this API hands out is accepted (no padding or stray bits).
            if (CREATED_KEY.matcher(key).matches() && decoded.encode().equals(cursor)) {
                return decoded;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new InvalidParameterException("cursor: not a cursor this API returned");
    }
}
