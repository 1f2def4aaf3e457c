package dev.hauntedhelpdesk.triage;

import java.util.Locale;

/** Why a triage run stopped. Every run ends with exactly one of these. */
public enum TerminatedBy {
    COMPLETED, MAX_HANDOFFS, TIMEOUT, LOOP_DETECTED, ERROR;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
