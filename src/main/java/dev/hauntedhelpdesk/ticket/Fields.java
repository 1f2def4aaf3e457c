package dev.hauntedhelpdesk.ticket;

import dev.hauntedhelpdesk.problem.FieldError;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Collects field errors while a command validates itself, then fails once with all of them. */
final class Fields {

    static final int MAX_TITLE = 200;
    static final int MAX_DESCRIPTION = 10_000;
    static final int MAX_RESOLUTION = 10_000;

    private final List<FieldError> errors = new ArrayList<>();
    /** Fields already refused for their JSON type, so their value is not judged a second time. */
    private final Set<String> refused = new HashSet<>();

    /**
     * The members of a JSON object that must all be text or null: every other JSON type is
     * refused, never coerced, and so is a member the request does not have.
     *
     * @return the text members sent, JSON null as null
     */
    Map<String, String> strings(Map<String, Object> body, Set<String> allowed, String notAllowed) {
        Map<String, String> strings = new HashMap<>();
        for (String key : new TreeSet<>(body.keySet())) {
            Object value = body.get(key);
            if (!allowed.contains(key)) {
                reject(key, notAllowed);
            } else if (value != null && !(value instanceof String)) {
                reject(key, "must be a string");
            } else {
                strings.put(key, (String) value);
            }
        }
        return strings;
    }

    String text(String field, String value, int max, boolean required) {
        if (refused.contains(field)) {
            return null;
        }
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(new FieldError(field, "is required"));
            }
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
        }
        if (trimmed.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            errors.add(new FieldError(field, "must not contain control characters"));
        }
        if (!StandardCharsets.UTF_8.newEncoder().canEncode(trimmed)) {
            // A JSON escape of a lone surrogate decodes to half a character: not text, and not
            // storable as UTF-8 (DynamoDB refuses it).
            errors.add(new FieldError(field, "must be valid Unicode text (it has an unpaired surrogate)"));
        }
        return trimmed;
    }

    <E extends Enum<E> & WireName> E choice(String field, String value, Class<E> type, boolean required) {
        if (refused.contains(field)) {
            return null;
        }
        if (value == null) {
            if (required) {
                errors.add(new FieldError(field, "is required, one of " + WireName.choices(type)));
            }
            return null;
        }
        Optional<E> parsed = WireName.parse(type, value);
        if (parsed.isEmpty()) {
            errors.add(new FieldError(field, "must be one of " + WireName.choices(type)));
        }
        return parsed.orElse(null);
    }

    void reject(String field, String message) {
        refused.add(field);
        errors.add(new FieldError(field, message));
    }

    void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new InvalidTicketException(errors);
        }
    }
}
