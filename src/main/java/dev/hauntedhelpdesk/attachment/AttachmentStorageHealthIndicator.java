package dev.hauntedhelpdesk.attachment;

import dev.hauntedhelpdesk.aws.AwsFailure;
import dev.hauntedhelpdesk.health.Latency;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * Whether the attachment store answers ({@code reachable}, {@code latency_ms}, and the error when
 * not). Always UP: tickets without files still work when the store does not, so a failing store
 * shows here and in the 503s of the requests that need it, but never takes the service out of the
 * load balancer. Only the table decides readiness.
 */
@Singleton
class AttachmentStorageHealthIndicator implements HealthIndicator {

    private final AttachmentStorage storage;
    private final ExecutorService blocking;

    AttachmentStorageHealthIndicator(AttachmentStorage storage,
                                     @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.storage = storage;
        this.blocking = blocking;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return Publishers.fromCompletableFuture(CompletableFuture.supplyAsync(this::check, blocking));
    }

    private HealthResult check() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("location", storage.location());
        long started = System.nanoTime();
        try {
            storage.check();
            details.put("reachable", true);
        } catch (StorageUnavailableException e) {
            details.put("reachable", false);
            details.put("error", AwsFailure.describe(e.getCause()));
        }
        details.put("latency_ms", Latency.since(started));
        return HealthResult.builder("attachments", HealthStatus.UP).details(details).build();
    }
}
