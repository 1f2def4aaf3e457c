package dev.hauntedhelpdesk.metrics;

import dev.hauntedhelpdesk.triage.TriageObserver;
import dev.hauntedhelpdesk.triage.WorkflowResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * The application's meters, with the same names and tags in every runtime; only the registry
 * they are published through differs. Meters are looked up on each use, never held, so a
 * registry that is cleared after each publication (Lambda's) starts every invocation afresh.
 */
@Singleton
public class Meters implements TriageObserver {

    /** Requests by route template, method and status. */
    public static final String REQUESTS = "http.server.requests";
    /** Triage runs by how they ended, engine and outcome (the ticket status they lead to). */
    public static final String TRIAGE_RUNS = "helpdesk.triage.runs";
    /** Model calls a triage run made, by engine. */
    public static final String MODEL_CALLS = "helpdesk.model.calls";
    /** Model tokens, by engine and direction (input or output). */
    public static final String MODEL_TOKENS = "helpdesk.model.tokens";
    /** Tickets handed to the triage dispatcher, by reason and outcome. */
    public static final String DISPATCHES = "helpdesk.triage.dispatches";
    /** AWS SDK calls by service, operation and outcome (ok or the error code). */
    public static final String SDK_CALLS = "aws.sdk.calls";

    /** Buckets for the latency histograms: few, so each timer stays a handful of series. */
    private static final Duration[] BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(25), Duration.ofMillis(100),
            Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500),
            Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30)};

    private final MeterRegistry registry;

    Meters(MeterRegistry registry) {
        this.registry = registry;
    }

    /** The registry the meters go to, for the runtime that publishes it. */
    public MeterRegistry registry() {
        return registry;
    }

    void request(String route, String method, int status, long nanos) {
        timer(REQUESTS, "HTTP requests served", "route", route, "method", method, "status", Integer.toString(status))
                .record(Duration.ofNanos(nanos));
    }

    void sdkCall(String service, String operation, String outcome, long nanos) {
        timer(SDK_CALLS, "AWS SDK calls, retries included", "service", service, "operation", operation, "outcome", outcome)
                .record(Duration.ofNanos(nanos));
    }

    @Override
    public void ran(WorkflowResult result, Duration elapsed) {
        String engine = String.valueOf(result.engine());
        timer(TRIAGE_RUNS, "Triage runs", "terminated_by", String.valueOf(result.terminatedBy()), "engine", engine,
                "outcome", String.valueOf(result.status())).record(elapsed);
        if (result.tokenUsage() != null) {
            Counter.builder(MODEL_CALLS).description("Model calls made by triage runs").tag("engine", engine).register(registry)
                    .increment(result.tokenUsage().modelCalls());
            tokens(engine, "input", result.tokenUsage().inputTokens());
            tokens(engine, "output", result.tokenUsage().outputTokens());
        }
    }

    @Override
    public void dispatched(String reason, boolean queued) {
        Counter.builder(DISPATCHES).description("Tickets handed to the triage dispatcher").tag("reason", reason).tag("outcome", queued ? "queued" : "refused")
                .register(registry).increment();
    }

    private void tokens(String engine, String direction, long count) {
        Counter.builder(MODEL_TOKENS).description("Model tokens used by triage runs").baseUnit("tokens").tag("engine", engine).tag("direction", direction)
                .register(registry).increment(count);
    }

    private Timer timer(String name, String description, String... tags) {
        return Timer.builder(name).description(description).tags(tags).serviceLevelObjectives(BUCKETS).register(registry);
    }
}
