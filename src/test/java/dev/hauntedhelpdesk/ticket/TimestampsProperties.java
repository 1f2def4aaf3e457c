package dev.hauntedhelpdesk.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class TimestampsProperties {

    @Property
    void format_isFixedWidthIsoUtcWithMilliseconds(@ForAll("instants") Instant instant) {
        String formatted = Timestamps.format(instant);
        assertEquals(24, formatted.length(), formatted);
        assertTrue(formatted.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z"), formatted);
    }

    @Property
    void format_sortsLexicographicallyInChronologicalOrder(
            @ForAll("instants") Instant a, @ForAll("instants") Instant b) {
        int chronological = Integer.signum(a.truncatedTo(ChronoUnit.MILLIS).compareTo(b.truncatedTo(ChronoUnit.MILLIS)));
        int lexicographic = Integer.signum(Timestamps.format(a).compareTo(Timestamps.format(b)));
        assertEquals(chronological, lexicographic, Timestamps.format(a) + " vs " + Timestamps.format(b));
    }

    @Property
    void format_parsesBackToTheSameMillisecond(@ForAll("instants") Instant instant) {
        assertEquals(instant.truncatedTo(ChronoUnit.MILLIS), Instant.parse(Timestamps.format(instant)));
    }

    @Example
    void format_writesTheEdgesOfTheRange() {
        assertEquals("2000-01-01T00:00:00.000Z", Timestamps.format(Instant.parse("2000-01-01T00:00:00Z")));
        assertEquals("2099-12-31T23:59:59.999Z", Timestamps.format(Instant.parse("2099-12-31T23:59:59.999999999Z")));
    }

    @Provide
    Arbitrary<Instant> instants() {
        // Nanosecond precision on purpose: sub-millisecond parts must be cut, not rounded up.
        return Arbitraries.longs()
                .between(Instant.parse("2000-01-01T00:00:00Z").getEpochSecond(),
                        Instant.parse("2100-01-01T00:00:00Z").getEpochSecond() - 1)
                .flatMap(seconds -> Arbitraries.integers().between(0, 999_999_999)
                        .map(nanos -> Instant.ofEpochSecond(seconds, nanos)));
    }
}
