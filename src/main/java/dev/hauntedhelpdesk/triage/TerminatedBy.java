package dev.hauntedhelpdesk.triage;

import dev.hauntedhelpdesk.ticket.WireName;

/** Why a triage run stopped. Every run ends with exactly one of these. */
public enum TerminatedBy implements WireName {
    COMPLETED, MAX_HANDOFFS, TIMEOUT, LOOP_DETECTED, ERROR
}
