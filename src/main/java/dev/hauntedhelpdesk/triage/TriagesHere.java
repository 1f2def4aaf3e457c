package dev.hauntedhelpdesk.triage;

import io.micronaut.context.condition.Condition;
import io.micronaut.context.condition.ConditionContext;
import io.micronaut.core.value.PropertyResolver;

/**
 * Whether triage runs in this process: everywhere except in a context that hands every run to the
 * triage queue, that is one marked {@value #HAND_OFF} (the Lambda API function's handlers mark
 * theirs) with {@code TRIAGE_QUEUE_URL} set. There the engine, and with it the local model, is
 * never built: the function that consumes the queue loads it.
 */
public final class TriagesHere implements Condition {

    /** Set to {@code true} by a runtime whose triage runs belong to the queue's consumer when there is a queue. */
    public static final String HAND_OFF = "helpdesk.triage.hand-off";
    static final String QUEUE_URL = "helpdesk.triage.queue-url";

    @Override
    public boolean matches(ConditionContext context) {
        return !(context.getBeanContext() instanceof PropertyResolver properties && handsOff(properties));
    }

    static boolean handsOff(PropertyResolver properties) {
        return properties.getProperty(HAND_OFF, Boolean.class).orElse(false)
                && properties.getProperty(QUEUE_URL, String.class).filter(url -> !url.isBlank()).isPresent();
    }
}
