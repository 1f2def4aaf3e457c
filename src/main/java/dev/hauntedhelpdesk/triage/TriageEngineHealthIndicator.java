package dev.hauntedhelpdesk.triage;

import dev.hauntedhelpdesk.config.HelpdeskSettings;
import io.micronaut.context.BeanProvider;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reports the triage engine under {@code /health} as {@code llm: available|degraded}. Always
 * UP and deliberately not a readiness indicator: with the model unreachable the service still
 * takes tickets and escalates them to people, so it must stay in the load balancer. The local
 * engine has no remote model to lose and is not touched here, so a health check never waits for
 * the in-process model to load.
 */
@Singleton
class TriageEngineHealthIndicator implements HealthIndicator {

    private final BeanProvider<TriageEngine> engine;
    private final HelpdeskSettings.TriageEngineKind kind;

    TriageEngineHealthIndicator(BeanProvider<TriageEngine> engine, HelpdeskSettings settings) {
        this.engine = engine;
        this.kind = settings.triage().engine();
    }

    @Override
    public Publisher<HealthResult> getResult() {
        Map<String, Object> details = new LinkedHashMap<>();
        if (kind == HelpdeskSettings.TriageEngineKind.LOCAL) {
            details.put("engine", "local");
            details.put("llm", "in-process");
        } else {
            TriageEngine.EngineHealth health = engine.get().health();
            details.put("engine", "bedrock");
            details.put("llm", health.available() ? "available" : "degraded");
            details.put("detail", health.detail());
        }
        return Publishers.just(HealthResult.builder("triage", HealthStatus.UP).details(details).build());
    }
}
