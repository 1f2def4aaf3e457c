package dev.hauntedhelpdesk.ticket;

import static dev.hauntedhelpdesk.ticket.TicketStatus.CLOSED;
import static dev.hauntedhelpdesk.ticket.TicketStatus.ERROR;
import static dev.hauntedhelpdesk.ticket.TicketStatus.ESCALATED;
import static dev.hauntedhelpdesk.ticket.TicketStatus.PENDING;
import static dev.hauntedhelpdesk.ticket.TicketStatus.PROCESSING;
import static dev.hauntedhelpdesk.ticket.TicketStatus.RESOLVED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TicketStatusTest {

    @Test
    void next_matchesTheDocumentedTransitionTable_exactly() {
        // Written out literally: from -> the statuses it may change to.
        Map<TicketStatus, Set<TicketStatus>> expected = Map.of(
                PENDING, Set.of(PROCESSING, RESOLVED, ESCALATED, CLOSED),
                PROCESSING, Set.of(PENDING, RESOLVED, ESCALATED, ERROR),
                ESCALATED, Set.of(PROCESSING, RESOLVED, CLOSED),
                ERROR, Set.of(PENDING, PROCESSING, ESCALATED, CLOSED),
                RESOLVED, Set.of(PENDING, CLOSED),
                CLOSED, Set.of(PENDING));

        Map<TicketStatus, Set<TicketStatus>> actual = new EnumMap<>(TicketStatus.class);
        for (TicketStatus from : TicketStatus.values()) {
            actual.put(from, Set.copyOf(from.next()));
        }
        assertEquals(expected, actual);
    }

    @Test
    void values_areExactlyTheSixDocumentedStatuses_inWireForm() {
        assertEquals(java.util.List.of("pending", "processing", "resolved", "escalated", "error", "closed"),
                java.util.Arrays.stream(TicketStatus.values()).map(TicketStatus::wire).toList());
    }

    @ParameterizedTest
    @EnumSource(TicketStatus.class)
    void next_neverContainsTheStatusItself(TicketStatus status) {
        assertFalse(status.next().contains(status), status + " lists itself as a transition");
    }

    @ParameterizedTest
    @EnumSource(TicketStatus.class)
    void canMoveTo_allowsStayingPut_andExactlyTheListedTargets(TicketStatus from) {
        for (TicketStatus to : TicketStatus.values()) {
            boolean expected = to == from || TicketArbitraries.DOCUMENTED_TRANSITIONS.get(from).contains(to);
            assertEquals(expected, from.canMoveTo(to), from + " -> " + to);
        }
    }

    @ParameterizedTest
    @EnumSource(TicketStatus.class)
    void everyStatus_reachesClosed_directlyOrInAtMostTwoSteps(TicketStatus start) {
        assertTrue(stepsToClosed(start) <= 2, start + " needs " + stepsToClosed(start) + " steps to closed");
    }

    @Test
    void stepsToClosed_areOneForStatusesThatListClosed_andTwoForProcessing() {
        // Pins the shape so that dropping a direct "-> closed" edge is noticed even while 2 steps remain.
        assertEquals(0, stepsToClosed(CLOSED));
        assertEquals(1, stepsToClosed(PENDING));
        assertEquals(1, stepsToClosed(ESCALATED));
        assertEquals(1, stepsToClosed(ERROR));
        assertEquals(1, stepsToClosed(RESOLVED));
        assertEquals(2, stepsToClosed(PROCESSING));
    }

    @Test
    void closed_canOnlyMoveToPending() {
        assertEquals(Set.of(PENDING), Set.copyOf(CLOSED.next()));
        for (TicketStatus to : TicketStatus.values()) {
            assertEquals(to == PENDING || to == CLOSED, CLOSED.canMoveTo(to), "closed -> " + to);
        }
    }

    @Test
    void next_returnsACopy_thatCallersCannotUseToWidenTheTable() {
        Set<TicketStatus> next = CLOSED.next();
        try {
            next.add(RESOLVED);
        } catch (UnsupportedOperationException ignored) {
            // an unmodifiable view is fine too
        }
        assertEquals(Set.of(PENDING), Set.copyOf(CLOSED.next()));
        assertFalse(CLOSED.canMoveTo(RESOLVED));
    }

    private static int stepsToClosed(TicketStatus start) {
        Map<TicketStatus, Integer> distance = new EnumMap<>(TicketStatus.class);
        Queue<TicketStatus> queue = new ArrayDeque<>();
        distance.put(start, 0);
        queue.add(start);
        while (!queue.isEmpty()) {
            TicketStatus current = queue.remove();
            if (current == CLOSED) {
                return distance.get(current);
            }
            for (TicketStatus next : current.next()) {
                if (!distance.containsKey(next)) {
                    distance.put(next, distance.get(current) + 1);
                    queue.add(next);
                }
            }
        }
        return Integer.MAX_VALUE;
    }
}
