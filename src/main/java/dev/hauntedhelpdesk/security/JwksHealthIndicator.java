package dev.hauntedhelpdesk.security;

import dev.hauntedhelpdesk.health.Latency;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Shows in {@code /health} (details, for a signed-in caller) whether the last fetch of the
 * pool's signing keys failed, and why. It stays UP: while the endpoint fails, tokens signed with
 * a cached key still validate, and every task shares the same endpoint, so taking tasks out of
 * service would not help.
 */
@Singleton
class JwksHealthIndicator implements HealthIndicator {

    private final JwksKeys keys;

    JwksHealthIndicator(JwksKeys keys) {
        this.keys = keys;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        JwksFailureCache.State state = keys.state();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("url", keys.url().toString());
        if (state.lastSuccess() == null && state.lastFailure() == null) {
            details.put("keys", "not fetched yet");
        } else if (state.lastFailure() != null
                && (state.lastSuccess() == null || state.lastFailure().isAfter(state.lastSuccess()))) {
            details.put("keys", "fetch failing");
            details.put("last_failure", state.lastFailure().toString());
            details.put("error", state.lastError());
            if (state.lastSuccess() != null) {
                details.put("last_success", state.lastSuccess().toString());
            }
        } else {
            details.put("keys", "fetched");
            details.put("last_success", state.lastSuccess().toString());
        }
        if (state.lastFetchNanos() >= 0) {
            // The last real fetch's round trip: a health check never fetches the keys itself.
            details.put("latency_ms", Latency.ofNanos(state.lastFetchNanos()));
        }
        return Publishers.just(HealthResult.builder("jwks", HealthStatus.UP).details(details).build());
    }
}
