package dev.hauntedhelpdesk.container.triage;

import dev.hauntedhelpdesk.triage.TriageEngine;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;

/**
 * Builds the triage engine as the server starts rather than on the first ticket: the local model
 * takes about two seconds to load, which belongs in start-up, not in a user's request, and the
 * ONNX runtime registers a JVM shutdown hook on first use, which fails if that first use happens
 * while the container is already draining. (Lambda builds every singleton at init anyway.)
 */
@Singleton
class TriageEngineWarmUp implements ApplicationEventListener<ServerStartupEvent> {

    private final BeanProvider<TriageEngine> engine;

    TriageEngineWarmUp(BeanProvider<TriageEngine> engine) {
        this.engine = engine;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        engine.get();
    }
}
