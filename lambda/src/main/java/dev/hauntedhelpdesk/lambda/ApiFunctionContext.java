package dev.hauntedhelpdesk.lambda;

import dev.hauntedhelpdesk.triage.TriagesHere;
import io.micronaut.context.ApplicationContextBuilder;

import java.util.Map;

/**
 * What sets the API function's context apart from the triage function's, which share one artifact
 * and one environment: with a triage queue configured, the API function hands every run to the
 * queue, so it never builds the triage engine (the local model's load is most of a cold start).
 */
final class ApiFunctionContext {

    private ApiFunctionContext() {
    }

    static ApplicationContextBuilder of(ApplicationContextBuilder builder) {
        return builder.properties(Map.of(TriagesHere.HAND_OFF, true));
    }
}
