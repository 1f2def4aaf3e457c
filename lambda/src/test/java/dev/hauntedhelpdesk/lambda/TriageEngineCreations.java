package dev.hauntedhelpdesk.lambda;

import dev.hauntedhelpdesk.triage.TriageEngine;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the triage engines a context builds (building the local one loads the model), so a test
 * can tell whether a handler's context ever loaded it.
 */
@Singleton
class TriageEngineCreations implements BeanCreatedEventListener<TriageEngine> {

    private final AtomicInteger created = new AtomicInteger();

    @Override
    public TriageEngine onCreated(BeanCreatedEvent<TriageEngine> event) {
        created.incrementAndGet();
        return event.getBean();
    }

    int count() {
        return created.get();
    }
}
