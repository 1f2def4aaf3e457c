package dev.hauntedhelpdesk.triage;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;

/**
 * Whether this context has built its triage engine. The container builds it once the port is
 * open (the local model takes seconds to load), and must not report ready before: a ticket
 * processed in that window would wait for the model.
 */
@Singleton
class TriageEngineBuilt implements BeanCreatedEventListener<TriageEngine> {

    private volatile boolean built;

    @Override
    public TriageEngine onCreated(BeanCreatedEvent<TriageEngine> event) {
        built = true;
        return event.getBean();
    }

    boolean built() {
        return built;
    }
}
