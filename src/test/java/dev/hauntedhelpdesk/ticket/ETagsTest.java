package dev.hauntedhelpdesk.ticket;

import dev.hauntedhelpdesk.problem.InvalidParameterException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ETagsTest {

    @Test
    void of_quotesTheVersion() {
        assertEquals("\"3\"", ETags.of(3));
    }

    @Property
    void ifMatch_matchesExactlyTheVersionItsETagNames(@ForAll @LongRange(min = 1, max = Long.MAX_VALUE) long version) {
        IfMatch precondition = IfMatch.parse(ETags.of(version));
        assertTrue(precondition.matches(version));
        assertFalse(precondition.matches(version + 1));
        assertFalse(IfMatch.parse("W/" + ETags.of(version)).matches(version));
    }

    @Test
    void ifMatch_star_matchesAnyVersion() {
        assertTrue(IfMatch.parse("*").matches(1));
        assertTrue(IfMatch.parse(" * ").matches(42));
    }

    @Test
    void ifMatch_list_matchesWhenAStrongMemberMatches() {
        assertTrue(IfMatch.parse("\"1\", \"3\"").matches(3));
        assertFalse(IfMatch.parse("W/\"3\", \"4\"").matches(3));
        // Strong comparison is of the opaque tag: "03" is not "3".
        assertFalse(IfMatch.parse("\"03\"").matches(3));
    }

    @ParameterizedTest
    @ValueSource(strings = {"3", "W/3", "\"3", "3\"", "\"3\",", "\"3\" \"4\"", "**", "\"a b\"", ""})
    void ifMatch_refusesWhatIsNotAnEntityTagList(String header) {
        InvalidParameterException refused = assertThrows(InvalidParameterException.class, () -> IfMatch.parse(header));
        assertTrue(refused.getMessage().startsWith("If-Match:"));
    }
}
