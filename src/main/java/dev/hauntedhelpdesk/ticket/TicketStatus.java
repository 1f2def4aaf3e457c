package dev.hauntedhelpdesk.ticket;

import io.micronaut.serde.annotation.Serdeable;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a ticket is in its life, and the transitions allowed out of each state (the table in
 * src/README.md mirrors {@link #next()}).
 */
@Serdeable
public enum TicketStatus implements WireName {
    PENDING, PROCESSING, RESOLVED, ESCALATED, ERROR, CLOSED;

    /** The statuses this one may change to. */
    public Set<TicketStatus> next() {
        return switch (this) {
            case PENDING -> EnumSet.of(PROCESSING, RESOLVED, ESCALATED, CLOSED);
            case PROCESSING -> EnumSet.of(PENDING, RESOLVED, ESCALATED, ERROR);
            case ESCALATED -> EnumSet.of(PROCESSING, RESOLVED, CLOSED);
            case ERROR -> EnumSet.of(PENDING, PROCESSING, ESCALATED, CLOSED);
            case RESOLVED -> EnumSet.of(PENDING, CLOSED);
            case CLOSED -> EnumSet.of(PENDING);
        };
    }

    public boolean canMoveTo(TicketStatus target) {
        return target == this || next().contains(target);
    }
}
