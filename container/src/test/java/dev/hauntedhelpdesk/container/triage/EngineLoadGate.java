package dev.hauntedhelpdesk.container.triage;

import dev.hauntedhelpdesk.triage.TriageEngine;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import jakarta.inject.Singleton;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Holds the triage engine's construction open until a test lets it finish, so the test can look
 * at the server while the model is still "loading". First among the engine's listeners.
 */
@Singleton
@Requires(property = "test.engine-load-gate", value = "true")
@Order(Ordered.HIGHEST_PRECEDENCE)
class EngineLoadGate implements BeanCreatedEventListener<TriageEngine> {

    static final CountDownLatch OPEN = new CountDownLatch(1);

    @Override
    public TriageEngine onCreated(BeanCreatedEvent<TriageEngine> event) {
        try {
            if (!OPEN.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never opened the gate");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return event.getBean();
    }
}
