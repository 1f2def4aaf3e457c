package dev.hauntedhelpdesk.ticket;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An enum as it is written on the wire, in storage and in logs: its lower-case name unless it
 * says otherwise. Serialisation uses {@link #wire()} ({@code @JsonValue}); parsing is exact, so
 * {@code "HIGH"} or {@code " high"} is not {@code high}, as a client that sends them has a bug
 * worth hearing about.
 */
public interface WireName {

    /** Implemented by every enum. */
    String name();

    @JsonValue
    default String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The constant whose wire name is exactly {@code value}; empty for {@code null} or any other text. */
    static <E extends Enum<E> & WireName> Optional<E> parse(Class<E> type, String value) {
        if (value == null) {
            return Optional.empty();
        }
        return Arrays.stream(type.getEnumConstants())
                .filter(e -> e.wire().equals(value))
                .findFirst();
    }

    /** The wire names of {@code type}, in declaration order. */
    static <E extends Enum<E> & WireName> List<String> names(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(WireName::wire).toList();
    }

    /** The wire names of {@code type} as an error message lists them: {@code low|medium|high}. */
    static <E extends Enum<E> & WireName> String choices(Class<E> type) {
        return String.join("|", names(type));
    }
}
