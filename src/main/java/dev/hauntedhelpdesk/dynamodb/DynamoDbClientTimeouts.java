package dev.hauntedhelpdesk.dynamodb;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * Bounds every DynamoDB call, so an unreachable table turns into a quick 503 and a DOWN readiness
 * instead of requests hanging on the SDK's default (unbounded) timeouts. The SDK's standard retry
 * mode (3 attempts, short backoff) replaces DynamoDB's legacy default of up to 9 attempts: that
 * one's backoff alone can outlast the call's bound, and a call cut by its bound keeps no record
 * of its attempts, so a refused connection could no longer be told from a lost answer (see
 * {@link WriteFailures}). The bounds are kept by {@link TimeoutScheduler} rather than the SDK's
 * own timer pool.
 */
@Singleton
class DynamoDbClientTimeouts implements BeanCreatedEventListener<DynamoDbClientBuilder> {

    static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(6);

    private final ScheduledThreadPoolExecutor scheduler = TimeoutScheduler.create("dynamodb-timeouts");

    @Override
    public DynamoDbClientBuilder onCreated(BeanCreatedEvent<DynamoDbClientBuilder> event) {
        DynamoDbClientBuilder builder = event.getBean();
        // Onto what the builder holds already: the Consumer form would drop other listeners' settings.
        builder.overrideConfiguration(bound(builder.overrideConfiguration().toBuilder(), scheduler).build());
        return builder;
    }

    static ClientOverrideConfiguration.Builder bound(ClientOverrideConfiguration.Builder config,
                                                     ScheduledExecutorService scheduler) {
        return config.apiCallAttemptTimeout(ATTEMPT_TIMEOUT)
                .apiCallTimeout(CALL_TIMEOUT)
                .scheduledExecutorService(scheduler)
                .retryStrategy(RetryMode.STANDARD);
    }

    ScheduledThreadPoolExecutor scheduler() {
        return scheduler;
    }

    /** The SDK leaves a timer pool it was given running when its client closes. */
    @PreDestroy
    void close() {
        scheduler.shutdownNow();
    }
}
