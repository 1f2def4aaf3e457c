package dev.hauntedhelpdesk.ticket;

import dev.hauntedhelpdesk.problem.FieldError;
import dev.hauntedhelpdesk.security.Caller;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.hauntedhelpdesk.ticket.TicketArbitraries.REQUESTER_EDITABLE;
import static dev.hauntedhelpdesk.ticket.TicketArbitraries.documentedMove;
import static dev.hauntedhelpdesk.ticket.TicketArbitraries.requesterMayRequest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class TicketRulesProperties {

    private static final Instant NOW = Instant.parse("2101-06-01T12:00:00.123Z");

    // ---- the oracle ---------------------------------------------------------------------------

    /** Which exceptions the documented rules allow for this change; empty means it must be accepted. */
    private static Set<Class<? extends RuntimeException>> allowedRejections(Ticket current, TicketPatch patch,
                                                                           Caller caller) {
        TicketStatus from = current.status();
        Set<Class<? extends RuntimeException>> allowed = new HashSet<>();
        if (patch.present().contains("status") && !documentedMove(from, patch.status())) {
            allowed.add(InvalidTransitionException.class);
        }
        if (!caller.isAgent()) {
            Set<String> edits = patch.present().stream().filter(f -> !f.equals("status")).collect(Collectors.toSet());
            boolean forbiddenField = !REQUESTER_EDITABLE.containsAll(edits);
            boolean editOutsidePending = !edits.isEmpty() && from != TicketStatus.PENDING;
            boolean forbiddenMove = patch.present().contains("status") && !requesterMayRequest(from, patch.status());
            if (forbiddenField || editOutsidePending || forbiddenMove) {
                allowed.add(ForbiddenChangeException.class);
            }
        }
        return allowed;
    }

    private static Ticket applyExpectingSuccess(Ticket current, TicketPatch patch, Caller caller) {
        Set<Class<? extends RuntimeException>> allowed = allowedRejections(current, patch, caller);
        if (!allowed.isEmpty()) {
            RuntimeException e = assertThrows(RuntimeException.class,
                    () -> TicketRules.apply(current, patch, caller, NOW));
            assertTrue(allowed.contains(e.getClass()), "expected one of " + allowed + " but got " + e);
            return null;
        }
        return TicketRules.apply(current, patch, caller, NOW);
    }

    // ---- properties over arbitrary status, patch and caller -----------------------------------

    @Property
    void apply_rejectsExactlyWhatTheRulesForbid_forAnyStatusPatchAndCaller(
            @ForAll("tickets") Ticket current, @ForAll("patches") TicketPatch patch, @ForAll("callers") Caller caller) {
        Set<Class<? extends RuntimeException>> allowed = allowedRejections(current, patch, caller);
        try {
            TicketRules.apply(current, patch, caller, NOW);
            assertTrue(allowed.isEmpty(), "accepted a change the rules forbid (" + allowed + "): "
                    + current.status() + " " + patch + " by " + caller);
        } catch (ForbiddenChangeException | InvalidTransitionException e) {
            assertTrue(allowed.contains(e.getClass()), "rejected an allowed change with " + e + ": "
                    + current.status() + " " + patch + " by " + caller);
        }
    }

    @Property
    void apply_onlyEverLandsOnADocumentedTransition_forAnyPatch(
            @ForAll("tickets") Ticket current, @ForAll("patches") TicketPatch patch, @ForAll("callers") Caller caller) {
        Ticket next = tryApply(current, patch, caller);
        if (next != null) {
            assertTrue(documentedMove(current.status(), next.status()),
                    current.status() + " -> " + next.status() + " is not in the table");
            TicketStatus expected = patch.present().contains("status") ? patch.status() : current.status();
            assertEquals(expected.wire(), next.status().wire());
        }
    }

    @Property
    void apply_keepsIdRequesterCreatedAtVersionAndAttachments_forAnyPatch(
            @ForAll("tickets") Ticket current, @ForAll("patches") TicketPatch patch, @ForAll("callers") Caller caller) {
        Ticket next = tryApply(current, patch, caller);
        if (next != null) {
            assertEquals(current.ticketId(), next.ticketId());
            assertEquals(current.requester(), next.requester());
            assertEquals(current.createdAt(), next.createdAt());
            assertEquals(current.version(), next.version());
            assertEquals(current.attachments(), next.attachments());
            assertEquals(Timestamps.format(NOW), next.updatedAt());
        }
    }

    @Property
    void apply_keepsEveryFieldThePatchDoesNotName_andSetsTheOnesItNames(
            @ForAll("tickets") Ticket current, @ForAll("patches") TicketPatch patch, @ForAll("callers") Caller caller) {
        Ticket next = tryApply(current, patch, caller);
        if (next == null) {
            return;
        }
        Set<String> named = patch.present();
        assertEquals(named.contains("title") ? patch.title() : current.title(), next.title());
        assertEquals(named.contains("description") ? patch.description() : current.description(), next.description());
        assertEquals(named.contains("severity") ? patch.severity() : current.severity(), next.severity());
        assertEquals(named.contains("category") ? patch.category() : current.category(), next.category());
        assertEquals(named.contains("assignee") ? patch.assignee() : current.assignee(), next.assignee());
        assertEquals(named.contains("resolution") ? patch.resolution() : current.resolution(), next.resolution());
    }

    @Property
    void apply_keepsEarlierLogEntries_forAnyPatch(
            @ForAll("tickets") Ticket current, @ForAll("patches") TicketPatch patch, @ForAll("callers") Caller caller) {
        Ticket next = tryApply(current, patch, caller);
        if (next == null) {
            return;
        }
        List<WorkflowEntry> before = current.workflowLog();
        List<WorkflowEntry> after = next.workflowLog();
        assertTrue(after.size() >= before.size(), "the log shrank");
        assertEquals(before, after.subList(0, before.size()), "earlier entries were changed or dropped");

        List<WorkflowEntry> added = after.subList(before.size(), after.size());
        boolean statusChanged = !next.status().equals(current.status());
        boolean otherFields = patch.present().stream().anyMatch(f -> !f.equals("status"));
        assertEquals((statusChanged ? 1 : 0) + (otherFields ? 1 : 0), added.size(), "added " + added);
        for (WorkflowEntry entry : added) {
            assertEquals(caller.username(), entry.actor());
            assertEquals(Timestamps.format(NOW), entry.at());
        }
        if (statusChanged) {
            assertTrue(added.contains(new WorkflowEntry(Timestamps.format(NOW), caller.username(), "status_changed",
                    current.status().wire() + " -> " + next.status().wire())), "no status_changed entry in " + added);
        }
    }

    @Property
    void apply_neverLetsARequesterSetAssigneeOrResolution(
            @ForAll("tickets") Ticket current, @ForAll("patches") TicketPatch patch) {
        if (patch.present().contains("assignee") || patch.present().contains("resolution")) {
            assertThrows(ForbiddenChangeException.class,
                    () -> TicketRules.apply(current, patch, TicketArbitraries.owner(), NOW));
        }
    }

    @Property
    void apply_neverLetsARequesterMoveToProcessingResolvedEscalatedOrError(
            @ForAll("tickets") Ticket current,
            @ForAll("staffOnlyTargets") TicketStatus target,
            @ForAll("requesterEditablePatchBodies") Map<String, Object> extra) {
        if (current.status() == target) {
            return; // staying put is a no-op, covered elsewhere
        }
        Map<String, Object> body = new java.util.HashMap<>(extra);
        body.put("status", target.wire());
        TicketPatch patch = TicketPatch.of(body);
        RuntimeException e = assertThrows(RuntimeException.class,
                () -> TicketRules.apply(current, patch, TicketArbitraries.owner(), NOW));
        assertTrue(e instanceof ForbiddenChangeException || e instanceof InvalidTransitionException,
                "unexpected " + e);
    }

    @Property
    void apply_letsARequesterEditTextFieldsOnlyWhilePending(
            @ForAll("tickets") Ticket current, @ForAll("requesterEditablePatchBodies") Map<String, Object> body) {
        TicketPatch patch = TicketPatch.of(body);
        if (current.status() == TicketStatus.PENDING) {
            Ticket next = TicketRules.apply(current, patch, TicketArbitraries.owner(), NOW);
            assertEquals("pending", next.status().wire());
        } else {
            assertThrows(ForbiddenChangeException.class,
                    () -> TicketRules.apply(current, patch, TicketArbitraries.owner(), NOW));
        }
    }

    @Property
    void apply_letsStaffMakeExactlyTheTableTransitions_withAnyOtherFields(
            @ForAll("tickets") Ticket current, @ForAll("statuses") TicketStatus target,
            @ForAll("patchBodies") Map<String, Object> extra, @ForAll("staffCallers") Caller staff) {
        Map<String, Object> body = new java.util.HashMap<>(extra);
        body.put("status", target.wire());
        TicketPatch patch = TicketPatch.of(body);
        TicketStatus from = current.status();
        if (from == target || TicketArbitraries.DOCUMENTED_TRANSITIONS.get(from).contains(target)) {
            assertEquals(target.wire(), TicketRules.apply(current, patch, staff, NOW).status().wire());
        } else {
            assertThrows(InvalidTransitionException.class, () -> TicketRules.apply(current, patch, staff, NOW));
        }
    }

    @Property
    void apply_treatsTheCurrentStatusAsANoOp_forAnyCaller(
            @ForAll("tickets") Ticket current, @ForAll("callers") Caller caller) {
        TicketPatch patch = TicketPatch.of(Map.of("status", current.status().wire()));
        Ticket next = TicketRules.apply(current, patch, caller, NOW);
        assertEquals(current.status(), next.status());
        assertEquals(current.workflowLog(), next.workflowLog(), "a no-op status change was logged");
    }

    @Property
    void apply_letsTheRequesterCloseOrReopen_exactlyAsDocumented(
            @ForAll("tickets") Ticket current, @ForAll("statuses") TicketStatus target) {
        TicketPatch patch = TicketPatch.of(Map.of("status", target.wire()));
        TicketStatus from = current.status();
        boolean allowed = documentedMove(from, target) && requesterMayRequest(from, target);
        if (allowed) {
            assertEquals(target.wire(), TicketRules.apply(current, patch, TicketArbitraries.owner(), NOW).status().wire());
        } else {
            RuntimeException e = assertThrows(RuntimeException.class,
                    () -> TicketRules.apply(current, patch, TicketArbitraries.owner(), NOW));
            if (!requesterMayRequest(from, target)) {
                assertInstanceOf(ForbiddenChangeException.class, e, from + " -> " + target);
            } else {
                assertInstanceOf(InvalidTransitionException.class, e, from + " -> " + target);
            }
        }
    }

    @Property
    void ofThenApply_failsOnlyWithValidationOrRuleErrors_forBodiesWithValidAndInvalidValues(
            @ForAll("mixedDrafts") TicketArbitraries.Draft draft, @ForAll("tickets") Ticket current,
            @ForAll("callers") Caller caller) {
        TicketPatch patch;
        try {
            patch = TicketPatch.of(draft.body());
        } catch (InvalidTicketException e) {
            Set<String> named = e.errors().stream().map(FieldError::field).collect(Collectors.toSet());
            assertEquals(draft.invalidFields(), named, "validation named the wrong fields for " + draft.body());
            return;
        }
        assertTrue(draft.invalidFields().isEmpty(), "accepted invalid " + draft.invalidFields() + " in " + draft.body());
        applyExpectingSuccess(current, patch, caller);
    }

    // ---- examples -----------------------------------------------------------------------------

    @Example
    void apply_logsTheStatusChange_whenTheRequesterClosesAPendingTicket() {
        Ticket current = pendingTicket();
        Ticket next = TicketRules.apply(current, TicketPatch.of(Map.of("status", "closed")), TicketArbitraries.owner(),
                NOW);
        assertEquals("closed", next.status().wire());
        assertEquals(new WorkflowEntry("2101-06-01T12:00:00.123Z", "alice", "status_changed", "pending -> closed"),
                next.workflowLog().getLast());
    }

    @Example
    void apply_listsChangedFieldsSorted_inOneUpdatedEntry() {
        Ticket next = TicketRules.apply(pendingTicket(),
                TicketPatch.of(Map.of("severity", "high", "assignee", "carol", "category", "cloud")),
                TicketArbitraries.agent(), NOW);
        assertEquals(new WorkflowEntry("2101-06-01T12:00:00.123Z", "carol", "updated", "assignee, category, severity"),
                next.workflowLog().getLast());
    }

    @Example
    void apply_unassigns_whenAgentSendsAssigneeNull() {
        Ticket assigned = withAssignee(pendingTicket(), "carol");
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("assignee", null);
        Ticket next = TicketRules.apply(assigned, TicketPatch.of(body), TicketArbitraries.agent(), NOW);
        assertNull(next.assignee());
    }

    @Example
    void apply_rejectsRequesterReopeningAnEscalatedTicket_asForbidden() {
        Ticket escalated = withStatus(pendingTicket(), TicketStatus.ESCALATED);
        assertThrows(ForbiddenChangeException.class, () -> TicketRules.apply(escalated,
                TicketPatch.of(Map.of("status", "pending")), TicketArbitraries.owner(), NOW));
    }

    @Example
    void apply_rejectsRequesterClosingAProcessingTicket_asInvalidTransition() {
        Ticket processing = withStatus(pendingTicket(), TicketStatus.PROCESSING);
        assertThrows(InvalidTransitionException.class, () -> TicketRules.apply(processing,
                TicketPatch.of(Map.of("status", "closed")), TicketArbitraries.owner(), NOW));
    }

    @Example
    void apply_rejectsAgentMovingClosedToResolved() {
        Ticket closed = withStatus(pendingTicket(), TicketStatus.CLOSED);
        InvalidTransitionException e = assertThrows(InvalidTransitionException.class, () -> TicketRules.apply(closed,
                TicketPatch.of(Map.of("status", "resolved")), TicketArbitraries.admin(), NOW));
        assertTrue(e.getMessage().contains("'closed' to 'resolved'"), e.getMessage());
    }

    @Example
    void apply_doesNotChangeTheTicketItWasGiven() {
        Ticket current = pendingTicket();
        Ticket copy = new Ticket(current.ticketId(), current.title(), current.description(), current.severity(),
                current.category(), current.status(), current.requester(), current.assignee(), current.resolution(),
                current.workflowLog(), current.attachments(), current.createdAt(), current.updatedAt(),
                current.version());
        TicketRules.apply(current, TicketPatch.of(Map.of("title", "New", "status", "processing")),
                TicketArbitraries.agent(), NOW);
        assertEquals(copy, current);
        assertFalse(current.workflowLog().isEmpty());
    }

    // ---- helpers and providers ----------------------------------------------------------------

    private static Ticket tryApply(Ticket current, TicketPatch patch, Caller caller) {
        try {
            return TicketRules.apply(current, patch, caller, NOW);
        } catch (ForbiddenChangeException | InvalidTransitionException e) {
            return null;
        } catch (RuntimeException e) {
            fail("apply may only throw ForbiddenChangeException or InvalidTransitionException, threw " + e, e);
            return null;
        }
    }

    private static Ticket pendingTicket() {
        return new Ticket("3f1c9a2e-0000-4000-8000-000000000001", "VPN drops", "Every hour", Severity.MEDIUM,
                Category.NETWORK, TicketStatus.PENDING, TicketArbitraries.OWNER_ID, null, null,
                List.of(new WorkflowEntry("2024-01-01T00:00:00.000Z", "alice", "created", null)), List.of(),
                "2024-01-01T00:00:00.000Z", "2024-01-01T00:00:00.000Z", 4);
    }

    private static Ticket withStatus(Ticket t, TicketStatus status) {
        return t.withStatus(status, t.updatedAt());
    }

    private static Ticket withAssignee(Ticket t, String assignee) {
        return t.edited(TicketPatch.of(Map.of("assignee", assignee)));
    }

    @Provide
    Arbitrary<Ticket> tickets() {
        return TicketArbitraries.tickets();
    }

    @Provide
    Arbitrary<TicketStatus> statuses() {
        return Arbitraries.of(TicketStatus.class);
    }

    @Provide
    Arbitrary<TicketStatus> staffOnlyTargets() {
        return Arbitraries.of(TicketStatus.PROCESSING, TicketStatus.RESOLVED, TicketStatus.ESCALATED,
                TicketStatus.ERROR);
    }

    @Provide
    Arbitrary<Caller> callers() {
        return TicketArbitraries.callers();
    }

    @Provide
    Arbitrary<Caller> staffCallers() {
        return TicketArbitraries.staff();
    }

    @Provide
    Arbitrary<TicketPatch> patches() {
        return TicketArbitraries.validPatchBodies().map(TicketPatch::of);
    }

    @Provide
    Arbitrary<Map<String, Object>> patchBodies() {
        return TicketArbitraries.validPatchBodies();
    }

    /** Non-empty bodies touching only title/description/severity/category. */
    @Provide
    Arbitrary<Map<String, Object>> requesterEditablePatchBodies() {
        return TicketArbitraries.validPatchBodies()
                .map(body -> {
                    Map<String, Object> only = new java.util.HashMap<>(body);
                    only.keySet().retainAll(REQUESTER_EDITABLE);
                    return only;
                })
                .filter(body -> !body.isEmpty());
    }

    @Provide
    Arbitrary<TicketArbitraries.Draft> mixedDrafts() {
        return TicketArbitraries.drafts(0.1);
    }
}
