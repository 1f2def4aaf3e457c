package dev.hauntedhelpdesk.contract;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the API should hold, kept independently of the service's code: tickets by id with their
 * owner, status and version, and the idempotency keys each user has used. The transition table is
 * written out here again on purpose, so a change to the service's table fails this model.
 */
final class TicketApiModel {

    static final List<String> USERS = List.of("alice", "bob", "carol", "dave");
    static final Set<String> STAFF = Set.of("carol", "dave");
    static final List<String> STATUSES = List.of("pending", "processing", "resolved", "escalated", "error", "closed");
    static final Map<String, Set<String>> TRANSITIONS = Map.of(
            "pending", Set.of("processing", "resolved", "escalated", "closed"),
            "processing", Set.of("pending", "resolved", "escalated", "error"),
            "escalated", Set.of("processing", "resolved", "closed"),
            "error", Set.of("pending", "processing", "escalated", "closed"),
            "resolved", Set.of("pending", "closed"),
            "closed", Set.of("pending"));

    /** One ticket as the model expects it. */
    static final class Expected {
        final String id;
        final String owner;
        final String createdKey;
        String title;
        String severity;
        String status = "pending";
        long version = 1;

        Expected(String id, String owner, String createdAt, String title, String severity) {
            this.id = id;
            this.owner = owner;
            this.createdKey = createdAt + "#" + id;
            this.title = title;
            this.severity = severity;
        }
    }

    /** A key a user already used, with the body it was used for and the ticket it made. */
    record UsedKey(String user, String key, String title, String severity, String ticketId) {
    }

    final Map<String, Expected> tickets = new HashMap<>();
    final List<UsedKey> keys = new ArrayList<>();
    final Map<String, String> subs = new HashMap<>();

    boolean visible(String user, Expected ticket) {
        return STAFF.contains(user) || ticket.owner.equals(user);
    }

    List<Expected> newestVisible(String user, String status, int limit) {
        return tickets.values().stream()
                .filter(t -> visible(user, t))
                .filter(t -> status == null || t.status.equals(status))
                .sorted(Comparator.comparing((Expected t) -> t.createdKey).reversed())
                .limit(limit)
                .toList();
    }

    void record(String user, JsonNode created) {
        Expected t = new Expected(created.get("ticket_id").asText(), user, created.get("created_at").asText(),
                created.get("title").asText(), created.get("severity").asText());
        tickets.put(t.id, t);
    }

    /** Asserts that the API's view of a ticket equals the model's. */
    void assertMatches(Expected expected, JsonNode actual) {
        check(expected.id.equals(actual.get("ticket_id").asText()), "id", expected, actual);
        check(expected.title.equals(actual.get("title").asText()), "title", expected, actual);
        check(expected.severity.equals(actual.get("severity").asText()), "severity", expected, actual);
        check(expected.status.equals(actual.get("status").asText()), "status", expected, actual);
        check(expected.version == actual.get("version").asLong(), "version", expected, actual);
        check(subs.get(expected.owner).equals(actual.get("requester").asText()), "requester", expected, actual);
    }

    private static void check(boolean ok, String field, Expected expected, JsonNode actual) {
        if (!ok) {
            throw new AssertionError("Model and API disagree on " + field + " of " + expected.id + ": model title="
                    + expected.title + " severity=" + expected.severity + " status=" + expected.status + " version="
                    + expected.version + " / API " + actual);
        }
    }
}
