package dev.hauntedhelpdesk.triage;

import java.time.Duration;

/**
 * Told what triage did, for whoever counts it (the metrics). Calls come from the request or
 * worker thread that did the work and must return at once.
 */
public interface TriageObserver {

    /** Observes nothing: for code that builds triage without metrics (unit tests). */
    TriageObserver NONE = new TriageObserver() {
    };

    /** One run ended, however it ended; {@code elapsed} is its wall-clock time. */
    default void ran(WorkflowResult result, Duration elapsed) {
    }

    /**
     * A ticket was handed to the dispatcher; {@code queued} says whether it took it.
     *
     * @param reason why: {@code created}, {@code requested} or {@code reclaimed}
     */
    default void dispatched(String reason, boolean queued) {
    }
}
