package dev.hauntedhelpdesk.ticket;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Collects field errors while a command validates itself, then fails once with all of them. */
final class Fields {

    static final int MAX_TITLE = 200;
    static final int MAX_DESCRIPTION = 10_000;
    static final int MAX_RESOLUTION = 10_000;

    private final List<FieldError> errors = new ArrayList<>();

    String text(String field, String value, int max, boolean required) {
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
        return trimmed;
    }

    <E extends Enum<E>> E choice(String field, String value, Class<E> type, boolean required) {
        if (value == null) {
            if (required) {
                errors.add(new FieldError(field, "is required, one of " + WireEnums.choices(type)));
            }
            return null;
        }
        Optional<E> parsed = WireEnums.parse(type, value);
        if (parsed.isEmpty()) {
            errors.add(new FieldError(field, "must be one of " + WireEnums.choices(type)));
        }
        return parsed.orElse(null);
    }

    void reject(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new InvalidTicketException(errors);
        }
    }
}
