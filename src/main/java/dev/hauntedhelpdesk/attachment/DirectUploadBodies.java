package dev.hauntedhelpdesk.attachment;

import dev.hauntedhelpdesk.problem.FieldError;
import dev.hauntedhelpdesk.ticket.InvalidTicketException;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The JSON bodies of the direct-upload routes, checked member by member: {@code size} must be a
 * JSON integer (not a string, a fraction or an array of one), {@code file_name} a string, and
 * nothing else may be sent.
 */
final class DirectUploadBodies {

    private DirectUploadBodies() {
    }

    /** The {@code size} of {@code POST .../upload-url}, or null when it was left out or null. */
    static Long size(Map<String, Object> body) {
        List<FieldError> errors = unknown(body, Set.of("size"));
        Object size = body.get("size");
        Long bytes = null;
        if (size instanceof Integer || size instanceof Long) {
            bytes = ((Number) size).longValue();
        } else if (size instanceof BigInteger) {
            bytes = Long.MAX_VALUE;
        } else if (size != null) {
            errors.add(new FieldError("size", "must be a whole number of bytes"));
        }
        throwIfAny(errors);
        return bytes;
    }

    /** The {@code file_name} of {@code POST .../confirm}, or null when it was left out or null. */
    static String fileName(Map<String, Object> body) {
        List<FieldError> errors = unknown(body, Set.of("file_name"));
        Object name = body.get("file_name");
        if (name != null && !(name instanceof String)) {
            errors.add(new FieldError("file_name", "must be a string"));
        }
        throwIfAny(errors);
        return (String) name;
    }

    private static List<FieldError> unknown(Map<String, Object> body, Set<String> allowed) {
        List<FieldError> errors = new ArrayList<>();
        for (String key : new TreeSet<>(body.keySet())) {
            if (!allowed.contains(key)) {
                errors.add(new FieldError(key, "is not a field of this request"));
            }
        }
        return errors;
    }

    private static void throwIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidTicketException(errors);
        }
    }
}
