package dev.hauntedhelpdesk.triage;

import dev.hauntedhelpdesk.security.Caller;
import dev.hauntedhelpdesk.ticket.InvalidTransitionException;
import dev.hauntedhelpdesk.ticket.Ticket;
import dev.hauntedhelpdesk.ticket.TicketNotFoundException;
import dev.hauntedhelpdesk.ticket.TicketRepository;
import dev.hauntedhelpdesk.ticket.TicketRepository.TriageState;
import dev.hauntedhelpdesk.ticket.TicketStatus;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Whether a caller may start a triage run on a ticket now, checked alike wherever the run then
 * happens (in the request, or handed to a worker): the ticket is theirs or they are staff, it is
 * not under a live lease, and its status may move to {@code processing}.
 */
final class TriageGate {

    private final TicketRepository tickets;
    private final Clock clock;
    private final Duration lease;

    TriageGate(TicketRepository tickets, Clock clock, Duration lease) {
        this.tickets = tickets;
        this.clock = clock;
        this.lease = lease;
    }

    /** The ticket as it stands, or the reason the caller may not start a run on it now. */
    Ticket startable(String ticketId, Caller caller) {
        TriageState state = tickets.findForTriage(ticketId).filter(t -> t.ticket().visibleTo(caller))
                .orElseThrow(() -> new TicketNotFoundException(ticketId));
        Ticket ticket = state.ticket();
        TicketStatus status = ticket.status();
        if (status == TicketStatus.PROCESSING && !leaseExpired(state)) {
            throw new TriageInProgressException(ticketId, leaseExpiry(state).toString());
        }
        if (status != TicketStatus.PROCESSING && !status.canMoveTo(TicketStatus.PROCESSING)) {
            throw new InvalidTransitionException(status, TicketStatus.PROCESSING);
        }
        return ticket;
    }

    boolean leaseExpired(TriageState state) {
        return leaseExpiry(state).isBefore(clock.instant());
    }

    /** An item claimed before leases were stored has its lease start in {@code updated_at}. */
    Instant leaseExpiry(TriageState state) {
        return state.lease() != null ? state.lease().until()
                : Instant.parse(state.ticket().updatedAt()).plus(lease);
    }
}
