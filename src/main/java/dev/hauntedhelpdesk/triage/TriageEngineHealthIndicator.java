package dev.hauntedhelpdesk.triage;

import dev.hauntedhelpdesk.config.HelpdeskSettings;
import dev.hauntedhelpdesk.health.Latency;
import io.micronaut.context.BeanProvider;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reports the triage engine under {@code /health}: on Bedrock, {@code llm: not-probed} until a
 * probe or a triage call has reached the model, then {@code available} or {@code degraded} with
 * {@code checked_at}, {@code checked_by} and the reason (probes: {@link ModelProbes}). Micronaut
 * counts every indicator not marked liveness in readiness too, so this one is always UP: with the
 * model unreachable the service still takes tickets and escalates them to people, so it must stay
 * in the load balancer. The local engine has no remote model to lose; until it is built this
 * indicator is DOWN with {@code llm: loading}, so that readiness waits for the model (the container
 * loads it once its port is open; a Lambda context has built it before the first event), and a
 * health check never builds it itself. Where runs are handed to the triage queue
 * ({@link TriagesHere}) there is no engine to report on: {@code llm: queued}.
 */
@Singleton
class TriageEngineHealthIndicator implements HealthIndicator {

    private final HelpdeskSettings.TriageEngineKind kind;
    private final String modelId;
    private final ModelProbes probes;
    private final boolean here;
    private final TriageEngineBuilt built;

    TriageEngineHealthIndicator(BeanProvider<TriageEngine> engine, HelpdeskSettings settings,
                                TriageEngineBuilt built) {
        this.here = engine.isPresent();
        this.built = built;
        this.kind = settings.triage().engine();
        this.modelId = settings.bedrockModelId();
        this.probes = new ModelProbes(engine::get, Clock.systemUTC());
    }

    @Override
    public Publisher<HealthResult> getResult() {
        Map<String, Object> details = new LinkedHashMap<>();
        HealthStatus status = HealthStatus.UP;
        if (!here) {
            // Runs are handed to the triage queue; its consumer holds the engine.
            details.put("engine", kind.name().toLowerCase(Locale.ROOT));
            details.put("llm", "queued");
        } else if (kind == HelpdeskSettings.TriageEngineKind.LOCAL) {
            details.put("engine", "local");
            if (built.built()) {
                details.put("llm", "in-process");
            } else {
                details.put("llm", "loading");
                status = HealthStatus.DOWN;
            }
        } else {
            TriageEngine.EngineHealth health = probes.current();
            details.put("engine", "bedrock");
            details.put("model", modelId);
            details.put("llm", health.status().wire());
            if (health.checkedAt() != null) {
                details.put("checked_at", health.checkedAt().toString());
                details.put("checked_by", health.checkedBy());
            }
            details.put("detail", health.detail());
            if (probes.lastProbeNanos() >= 0) {
                // The last probe's round trip; a health check never waits for one.
                details.put("latency_ms", Latency.ofNanos(probes.lastProbeNanos()));
            }
        }
        return Publishers.just(HealthResult.builder("triage", status).details(details).build());
    }
}
