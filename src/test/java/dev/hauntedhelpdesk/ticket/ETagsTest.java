package dev.hauntedhelpdesk.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ETagsTest {

    @Test
    void of_quotesTheVersion() {
        assertEquals("\"3\"", ETags.of(3));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"3\"", "W/\"3\"", "3", " \"3\" ", "W/3"})
    void version_readsQuotedWeakAndBareForms(String ifMatch) {
        assertEquals(3, ETags.version(ifMatch));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "abc", "\"abc\"", "W/", "W/\"\"", "\"\"", "*", "\"3\", \"4\"", "3.0", "0x3",
            "\"99999999999999999999\"", "w/\"3\"", "W/W/\"3\"", "\"3a\""})
    void version_returnsMinusOne_forGarbage(String ifMatch) {
        assertEquals(-1, ETags.version(ifMatch));
    }

    @Property
    void version_readsBack_whatOfWrote(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long version) {
        assertEquals(version, ETags.version(ETags.of(version)));
        assertEquals(version, ETags.version("W/" + ETags.of(version)));
        assertEquals(version, ETags.version(Long.toString(version)));
    }

    @Property
    void version_returnsMinusOne_forStringsWithoutAnyDigit(@ForAll("digitless") String ifMatch) {
        assertEquals(-1, ETags.version(ifMatch));
    }

    @Provide
    Arbitrary<String> digitless() {
        return Arbitraries.strings().filter(s -> s.chars().noneMatch(Character::isDigit));
    }
}
