package dev.hauntedhelpdesk.ticket;

import dev.hauntedhelpdesk.security.Caller;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Who may change what, and how a patch turns one ticket version into the next. Pure functions of
 * their inputs, so the rules are tested as properties without any server.
 */
public final class TicketRules {

    private TicketRules() {
    }

    /**
     * Applies {@code patch} for {@code caller}; throws when the caller lacks the right or the
     * status change is not in the transition table. The version is not touched here: the
     * repository bumps it in the same conditional write that checks it.
     */
    public static Ticket apply(Ticket current, TicketPatch patch, Caller caller, Instant now) {
        TicketStatus from = current.status();
        if (!caller.isAgent()) {
            checkRequesterMayApply(current, patch, from);
        }
        if (patch.has("status") && !from.canMoveTo(patch.status())) {
            throw new InvalidTransitionException(from, patch.status());
        }
        List<WorkflowEntry> log = new ArrayList<>();
        String at = Timestamps.format(now);
        TicketStatus status = from;
        if (patch.has("status") && patch.status() != from) {
            status = patch.status();
            log.add(new WorkflowEntry(at, caller.username(), "status_changed", from.wire() + " -> " + status.wire()));
        }
        List<String> changed = patch.present().stream().filter(f -> !f.equals("status")).sorted().toList();
        if (!changed.isEmpty()) {
            log.add(new WorkflowEntry(at, caller.username(), "updated", String.join(", ", changed)));
        }
        return current.edited(patch).withStatus(status, at).appendLog(log);
    }

    private static void checkRequesterMayApply(Ticket current, TicketPatch patch, TicketStatus from) {
        for (String field : patch.present()) {
            if (field.equals("status")) {
                continue;
            }
            if (!TicketPatch.REQUESTER_FIELDS.contains(field)) {
                throw new ForbiddenChangeException("Only support staff may change '" + field + "'");
            }
            if (from != TicketStatus.PENDING) {
                throw new ForbiddenChangeException("'" + field + "' can only be edited while the ticket is pending");
            }
        }
        if (patch.has("status") && patch.status() != from && !requesterMayMove(from, patch.status())) {
            throw new ForbiddenChangeException("A requester may only close a ticket or reopen a resolved or closed one");
        }
    }

    /** Requesters may close their ticket, or reopen it once it was resolved or closed. */
    static boolean requesterMayMove(TicketStatus from, TicketStatus to) {
        return to == TicketStatus.CLOSED
                || (to == TicketStatus.PENDING && (from == TicketStatus.RESOLVED || from == TicketStatus.CLOSED));
    }
}
