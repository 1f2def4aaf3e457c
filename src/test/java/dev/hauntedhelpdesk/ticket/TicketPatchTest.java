package dev.hauntedhelpdesk.ticket;

import dev.hauntedhelpdesk.problem.FieldError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TicketPatchTest {

    @Test
    void of_rejectsAnEmptyBody() {
        InvalidTicketException e = assertThrows(InvalidTicketException.class, () -> TicketPatch.of(Map.of()));
        assertEquals(Set.of("body"), fields(e));
    }

    @Test
    void of_rejectsAMissingBody() {
        InvalidTicketException e = assertThrows(InvalidTicketException.class, () -> TicketPatch.of(null));
        assertEquals(Set.of("body"), fields(e));
    }

    @Test
    void of_namesEveryUnknownKey() {
        InvalidTicketException e = assertThrows(InvalidTicketException.class,
                () -> TicketPatch.of(Map.of("title", "ok", "requester", "mallory", "version", "9", "ticket_id", "x")));
        assertEquals(Set.of("requester", "version", "ticket_id"), fields(e));
    }

    @Test
    void of_namesEveryNonStringValue() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", 42);
        body.put("severity", true);
        body.put("assignee", List.of("carol"));
        body.put("resolution", Map.of("text", "done"));
        body.put("description", "fine");
        InvalidTicketException e = assertThrows(InvalidTicketException.class, () -> TicketPatch.of(body));
        assertEquals(Set.of("title", "severity", "assignee", "resolution"), fields(e));
        assertTrue(e.errors().stream().allMatch(err -> err.message().equals("must be a string")), e.errors().toString());
    }

    @Test
    void of_namesEveryBadField_whenUnknownKeysWrongTypesAndBadValuesMix() {
        // Fields' contract: collect every error, then fail once. A client must not need three round trips.
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("owner", "mallory");
        body.put("assignee", 7);
        body.put("severity", "apocalyptic");
        body.put("title", " ");
        InvalidTicketException e = assertThrows(InvalidTicketException.class, () -> TicketPatch.of(body));
        assertEquals(Set.of("owner", "assignee", "severity", "title"), fields(e));
    }

    @Test
    void of_treatsAssigneeNull_asPresentWithNull() {
        Map<String, Object> body = new HashMap<>();
        body.put("assignee", null);
        TicketPatch patch = TicketPatch.of(body);
        assertTrue(patch.has("assignee"));
        assertNull(patch.assignee());
        assertEquals(Set.of("assignee"), patch.present());
    }

    @Test
    void of_treatsResolutionNull_asPresentWithNull() {
        Map<String, Object> body = new HashMap<>();
        body.put("resolution", null);
        body.put("status", "pending");
        TicketPatch patch = TicketPatch.of(body);
        assertTrue(patch.has("resolution"));
        assertNull(patch.resolution());
    }

    @Test
    void of_leavesAbsentFieldsOutOfPresent() {
        TicketPatch patch = TicketPatch.of(Map.of("severity", "high"));
        assertEquals(Set.of("severity"), patch.present());
        for (String field : List.of("title", "description", "category", "status", "assignee", "resolution")) {
            assertTrue(!patch.has(field), field);
        }
        assertEquals(Severity.HIGH, patch.severity());
    }

    @ParameterizedTest
    @ValueSource(strings = {"title", "description", "severity", "category", "status"})
    void of_rejectsNull_forFieldsThatCannotBeCleared(String field) {
        Map<String, Object> body = new HashMap<>();
        body.put(field, null);
        InvalidTicketException e = assertThrows(InvalidTicketException.class, () -> TicketPatch.of(body));
        assertEquals(Set.of(field), fields(e));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\t\n"})
    void of_rejectsBlankTitleAndDescription(String blank) {
        InvalidTicketException e = assertThrows(InvalidTicketException.class,
                () -> TicketPatch.of(Map.of("title", blank, "description", blank)));
        assertEquals(Set.of("title", "description"), fields(e));
    }

    @Test
    void of_rejectsTooLongAndControlCharacterValues_allAtOnce() {
        InvalidTicketException e = assertThrows(InvalidTicketException.class, () -> TicketPatch.of(Map.of(
                "title", "t".repeat(201),
                "description", "bell\u0007",
                "assignee", "a".repeat(129),
                "resolution", "r".repeat(10_001),
                "status", "vanished",
                "category", "plumbing")));
        assertEquals(Set.of("title", "description", "assignee", "resolution", "status", "category"), fields(e));
    }

    @Test
    void of_acceptsBoundaryLengths() {
        TicketPatch patch = TicketPatch.of(Map.of(
                "title", "t".repeat(200),
                "description", "d".repeat(10_000),
                "assignee", "a".repeat(128),
                "resolution", "r".repeat(10_000)));
        assertEquals(200, patch.title().length());
        assertEquals(128, patch.assignee().length());
    }

    @Test
    void of_parsesEnumsByTheirExactWireName_andStripsText() {
        TicketPatch patch = TicketPatch.of(Map.of(
                "status", "resolved",
                "category", "cloud",
                "severity", "critical",
                "title", "  New title  ",
                "assignee", " carol "));
        assertEquals(TicketStatus.RESOLVED, patch.status());
        assertEquals(Category.CLOUD, patch.category());
        assertEquals(Severity.CRITICAL, patch.severity());
        assertEquals("New title", patch.title());
        assertEquals("carol", patch.assignee());
    }

    @Test
    void of_refusesEnumsInAnotherCaseOrWithWhitespace() {
        InvalidTicketException e = assertThrows(InvalidTicketException.class, () -> TicketPatch.of(Map.of(
                "status", " resolved", "category", "CLOUD", "severity", "Critical")));
        assertEquals(Set.of("status", "category", "severity"), fields(e));
    }

    @Test
    void of_refusesLoneSurrogates_inEveryTextField() {
        InvalidTicketException e = assertThrows(InvalidTicketException.class, () -> TicketPatch.of(Map.of(
                "title", "a\uD800b", "description", "\uDC00", "assignee", "carol\uD83D", "resolution", "ok \uDE00 ok")));
        assertEquals(Set.of("title", "description", "assignee", "resolution"), fields(e));
    }

    @Test
    void of_treatsBlankAssignee_asUnassign() {
        TicketPatch patch = TicketPatch.of(Map.of("assignee", "  "));
        assertTrue(patch.has("assignee"));
        assertNull(patch.assignee());
    }

    @Test
    void present_cannotBeChangedAfterwards() {
        Map<String, Object> body = new HashMap<>(Map.of("title", "x"));
        TicketPatch patch = TicketPatch.of(body);
        body.put("assignee", "mallory");
        assertEquals(Set.of("title"), patch.present());
        assertThrows(UnsupportedOperationException.class, () -> patch.present().add("assignee"));
    }

    private static Set<String> fields(InvalidTicketException e) {
        return e.errors().stream().map(FieldError::field).collect(Collectors.toSet());
    }
}
