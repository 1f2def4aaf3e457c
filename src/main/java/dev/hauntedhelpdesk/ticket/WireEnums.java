package dev.hauntedhelpdesk.ticket;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Parses the lower-case wire names of the ticket enums without trusting case or spacing. */
final class WireEnums {

    private WireEnums() {
    }

    static <E extends Enum<E>> Optional<E> parse(Class<E> type, String value) {
        if (value == null) {
            return Optional.empty();
        }
        // ASCII-only comparison: look-alike letters and control characters never match.
        String candidate = value.strip();
        return Arrays.stream(type.getEnumConstants())
                .filter(e -> e.name().equalsIgnoreCase(candidate) && candidate.chars().allMatch(c -> c < 128))
                .findFirst();
    }

    static <E extends Enum<E>> String choices(Class<E> type) {
        return Arrays.stream(type.getEnumConstants())
                .map(e -> e.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining("|"));
    }
}
