package dev.hauntedhelpdesk.ticket;

import dev.hauntedhelpdesk.problem.FieldError;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NewTicketProperties {

    /** Raw create input and the fields validation must reject. */
    record Input(String title, String description, String severity, String category, Set<String> invalid) {
    }

    // ---- validation ---------------------------------------------------------------------------

    @Property
    void of_namesEveryBadFieldAtOnce_andNoOther(@ForAll("inputs") Input input) {
        if (input.invalid().isEmpty()) {
            NewTicket.of(input.title(), input.description(), input.severity(), input.category());
            return;
        }
        InvalidTicketException e = assertThrows(InvalidTicketException.class,
                () -> NewTicket.of(input.title(), input.description(), input.severity(), input.category()));
        assertEquals(input.invalid(), fields(e));
        for (String field : input.invalid()) {
            assertTrue(e.getMessage().contains(field + ": "), "message does not name " + field + ": " + e.getMessage());
        }
    }

    @Property
    void of_acceptsValidInput_strippingTextAndParsingEnums(
            @ForAll("validTitles") String title, @ForAll("validDescriptions") String description,
            @ForAll("severitySpellings") String severity, @ForAll("categorySpellings") String category) {
        NewTicket ticket = NewTicket.of(title, description, severity, category);
        assertEquals(title.strip(), ticket.title());
        assertEquals(description.strip(), ticket.description());
        assertEquals(severity, ticket.severity().wire());
        assertEquals(category, ticket.category().wire());
    }

    @Property
    void of_rejectsTitlesOver200Characters(@ForAll("longTitles") String title) {
        InvalidTicketException e = assertThrows(InvalidTicketException.class,
                () -> NewTicket.of(title, "d", "low", null));
        assertEquals(Set.of("title"), fields(e));
    }

    @Example
    void of_acceptsA200CharacterTitle_andA10000CharacterDescription() {
        NewTicket ticket = NewTicket.of("t".repeat(200), "d".repeat(10_000), "low", null);
        assertEquals(200, ticket.title().length());
        assertEquals(10_000, ticket.description().length());
    }

    @Example
    void of_rejectsA201CharacterTitle_andA10001CharacterDescription_together() {
        InvalidTicketException e = assertThrows(InvalidTicketException.class,
                () -> NewTicket.of("t".repeat(201), "d".repeat(10_001), "low", null));
        assertEquals(Set.of("title", "description"), fields(e));
    }

    @Example
    void of_measuresLengthAfterStrippingSurroundingWhitespace() {
        assertEquals(200, NewTicket.of("  " + "t".repeat(200) + "\n", "d", "low", null).title().length());
    }

    @Property
    void of_rejectsControlCharacters_inTitleAndDescription(
            @ForAll("controlCharacters") char control, @ForAll("validTitles") String text) {
        String bad = text.strip() + control + "x";
        InvalidTicketException e = assertThrows(InvalidTicketException.class,
                () -> NewTicket.of(bad, bad, "high", "network"));
        assertEquals(Set.of("title", "description"), fields(e));
    }

    @Example
    void of_allowsTabsAndLineBreaks_insideTheDescription() {
        assertEquals("line 1\r\n\tline 2", NewTicket.of("t", "line 1\r\n\tline 2", "low", null).description());
    }

    @Property
    void of_rejectsBlankRequiredFields(@ForAll("blanks") String blank) {
        InvalidTicketException e = assertThrows(InvalidTicketException.class,
                () -> NewTicket.of(blank, blank, null, null));
        assertEquals(Set.of("title", "description", "severity"), fields(e));
    }

    @Property
    void of_rejectsValuesOutsideTheEnums(@ForAll("badChoices") String severity, @ForAll("badChoices") String category) {
        InvalidTicketException e = assertThrows(InvalidTicketException.class,
                () -> NewTicket.of("t", "d", severity, category));
        assertEquals(Set.of("severity", "category"), fields(e));
        assertTrue(e.getMessage().contains("low|medium|high|critical"), e.getMessage());
        assertTrue(e.getMessage().contains("network|cloud|access|hardware|software|other"), e.getMessage());
    }

    @Property
    void of_refusesEnumsSpelledInAnotherCaseOrWithWhitespace(
            @ForAll("severityMisspellings") String severity, @ForAll("categoryMisspellings") String category) {
        InvalidTicketException e = assertThrows(InvalidTicketException.class,
                () -> NewTicket.of("t", "d", severity, category));
        assertEquals(Set.of("severity", "category"), fields(e));
    }

    @Example
    void of_leavesCategoryToTriage_whenItIsOmitted() {
        assertNull(NewTicket.of("t", "d", "low", null).category());
    }

    // ---- fingerprint --------------------------------------------------------------------------

    @Property
    void fingerprint_isEqual_forEqualCommands(@ForAll("commands") NewTicket command) {
        NewTicket same = NewTicket.of(command.title(), command.description(), command.severity().wire(),
                command.category() == null ? null : command.category().wire());
        assertEquals(command, same);
        assertEquals(command.fingerprint(), same.fingerprint());
        assertTrue(command.fingerprint().matches("[0-9a-f]{64}"), command.fingerprint());
    }

    @Property
    void fingerprint_isEqual_forInputsThatDifferOnlyInSurroundingWhitespace(
            @ForAll("validTitles") String title, @ForAll("severitySpellings") String severity) {
        NewTicket canonical = NewTicket.of(title.strip(), "d", severity, null);
        NewTicket padded = NewTicket.of("  " + title + " ", "d\n", severity, null);
        assertEquals(canonical.fingerprint(), padded.fingerprint());
    }

    @Property
    void fingerprint_differs_whenAnyFieldDiffers(@ForAll("commands") NewTicket a, @ForAll("commands") NewTicket b) {
        if (!a.equals(b)) {
            assertNotEquals(a.fingerprint(), b.fingerprint(), a + " vs " + b);
        }
    }

    @Property
    void fingerprint_differs_whenExactlyOneFieldChanges(
            @ForAll("commands") NewTicket a, @ForAll("fieldIndex") int field, @ForAll("commands") NewTicket donor) {
        NewTicket b = switch (field) {
            case 0 -> new NewTicket(a.title() + "x", a.description(), a.severity(), a.category());
            case 1 -> new NewTicket(a.title(), a.description() + "x", a.severity(), a.category());
            case 2 -> new NewTicket(a.title(), a.description(), next(a.severity()), a.category());
            case 3 -> new NewTicket(a.title(), a.description(), a.severity(),
                    a.category() == null ? donor.category() == null ? Category.OTHER : donor.category() : null);
            default -> throw new IllegalStateException();
        };
        assertNotEquals(a.fingerprint(), b.fingerprint(), a + " vs " + b);
    }

    @Example
    void fingerprint_doesNotConfuseTextMovedBetweenTitleAndDescription() {
        assertNotEquals(NewTicket.of("ab", "c", "low", null).fingerprint(),
                NewTicket.of("a", "bc", "low", null).fingerprint());
    }

    // ---- helpers and providers ----------------------------------------------------------------

    private static Severity next(Severity s) {
        return Severity.values()[(s.ordinal() + 1) % Severity.values().length];
    }

    private static Set<String> fields(InvalidTicketException e) {
        return e.errors().stream().map(FieldError::field).collect(Collectors.toSet());
    }

    private static Arbitrary<Tuple.Tuple2<String, Boolean>> field(Arbitrary<String> valid, Arbitrary<String> invalid) {
        return Arbitraries.frequencyOf(
                Tuple.of(3, valid.map(v -> Tuple.of(v, true))),
                Tuple.of(1, invalid.map(v -> Tuple.of(v, false))));
    }

    @Provide
    Arbitrary<Input> inputs() {
        return Combinators.combine(
                field(TicketArbitraries.paddedValidText(200),
                        Arbitraries.oneOf(TicketArbitraries.badText(200), TicketArbitraries.blank().injectNull(0.3))),
                field(TicketArbitraries.paddedValidText(10_000),
                        Arbitraries.oneOf(TicketArbitraries.badText(10_000), TicketArbitraries.blank().injectNull(0.3))),
                field(TicketArbitraries.spelling(Severity.class), TicketArbitraries.badChoice().injectNull(0.2)),
                field(TicketArbitraries.spelling(Category.class).injectNull(0.3), TicketArbitraries.badChoice())
        ).as((t, d, s, c) -> {
            Set<String> invalid = new java.util.HashSet<>();
            if (!t.get2()) {
                invalid.add("title");
            }
            if (!d.get2()) {
                invalid.add("description");
            }
            if (!s.get2()) {
                invalid.add("severity");
            }
            if (!c.get2()) {
                invalid.add("category");
            }
            return new Input(t.get1(), d.get1(), s.get1(), c.get1(), Set.copyOf(invalid));
        });
    }

    @Provide
    Arbitrary<NewTicket> commands() {
        // Small alphabets so that equal commands and one-character differences both turn up.
        Arbitrary<String> text = Arbitraries.strings().withChars('a', 'b', ' ').ofMinLength(1).ofMaxLength(4)
                .filter(s -> !s.isBlank());
        return Combinators.combine(text, text, Arbitraries.of(Severity.class),
                Arbitraries.of(Category.class).injectNull(0.3))
                .as((t, d, s, c) -> NewTicket.of(t, d, s.wire(), c == null ? null : c.wire()));
    }

    @Provide
    Arbitrary<Integer> fieldIndex() {
        return Arbitraries.integers().between(0, 3);
    }

    @Provide
    Arbitrary<String> validTitles() {
        return TicketArbitraries.paddedValidText(200);
    }

    @Provide
    Arbitrary<String> validDescriptions() {
        return TicketArbitraries.paddedValidText(10_000);
    }

    @Provide
    Arbitrary<String> longTitles() {
        return Arbitraries.strings().alpha().numeric().withChars('é', '-', '中').ofMinLength(201).ofMaxLength(400);
    }

    @Provide
    Arbitrary<Character> controlCharacters() {
        return Arbitraries.chars().range('\u0000', '\u009f')
                .filter(c -> Character.isISOControl(c.charValue()))
                .filter(c -> c != '\n' && c != '\r' && c != '\t');
    }

    @Provide
    Arbitrary<String> blanks() {
        return TicketArbitraries.blank().injectNull(0.2);
    }

    @Provide
    Arbitrary<String> badChoices() {
        return TicketArbitraries.badChoice();
    }

    @Provide
    Arbitrary<String> severitySpellings() {
        return TicketArbitraries.spelling(Severity.class);
    }

    @Provide
    Arbitrary<String> categorySpellings() {
        return TicketArbitraries.spelling(Category.class);
    }

    @Provide
    Arbitrary<String> severityMisspellings() {
        return Arbitraries.of(Severity.class).flatMap(TicketArbitraries::misspellingOf);
    }

    @Provide
    Arbitrary<String> categoryMisspellings() {
        return Arbitraries.of(Category.class).flatMap(TicketArbitraries::misspellingOf);
    }
}
