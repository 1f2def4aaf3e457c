package dev.hauntedhelpdesk.triage;

import java.time.Duration;

/**
 * The limits every run is held to: at most {@code maxHandoffs} handoffs between specialists, the
 * whole run within {@code executionTimeout}, each step within {@code stepTimeout}, and no
 * handoff back to a specialist seen in the last {@code repetitionWindow} turns (ping-pong).
 */
public record TriageBounds(int maxHandoffs, Duration executionTimeout, Duration stepTimeout, int repetitionWindow) {

    public TriageBounds {
        if (maxHandoffs < 0 || repetitionWindow < 1 || executionTimeout.isNegative() || executionTimeout.isZero()
                || stepTimeout.isNegative() || stepTimeout.isZero()) {
            throw new IllegalArgumentException("bad triage bounds");
        }
    }
}
