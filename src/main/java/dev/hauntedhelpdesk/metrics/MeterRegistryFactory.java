package dev.hauntedhelpdesk.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;

/**
 * The registry meters go to unless the runtime brings its own (the container's Prometheus one).
 * The Lambda runtime keeps this one and writes what it holds as embedded metric format after each
 * invocation; a plain in-memory registry costs nothing at cold start.
 */
@Factory
class MeterRegistryFactory {

    @Singleton
    @Secondary
    MeterRegistry inMemory() {
        return new SimpleMeterRegistry();
    }
}
