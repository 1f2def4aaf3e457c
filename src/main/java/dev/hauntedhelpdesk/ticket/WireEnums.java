package dev.hauntedhelpdesk.ticket;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Parses the lower-case wire names of the ticket enums, exactly: {@code "HIGH"} or
 * {@code " high"} is not {@code high}, as a client that sends them has a bug worth hearing about.
 */
final class WireEnums {

    private WireEnums() {
    }

    static <E extends Enum<E>> Optional<E> parse(Class<E> type, String value) {
        if (value == null) {
            return Optional.empty();
        }
        return Arrays.stream(type.getEnumConstants())
                .filter(e -> wire(e).equals(value))
                .findFirst();
    }

    static <E extends Enum<E>> String choices(Class<E> type) {
        return Arrays.stream(type.getEnumConstants())
                .map(WireEnums::wire)
                .collect(Collectors.joining("|"));
    }

    private static String wire(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
