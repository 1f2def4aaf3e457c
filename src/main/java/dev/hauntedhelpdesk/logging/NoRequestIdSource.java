package dev.hauntedhelpdesk.logging;

import io.micronaut.context.annotation.Secondary;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

import java.util.Optional;

/** The container's source: no platform id, so a fresh UUID is generated. */
@Singleton
@Secondary
class NoRequestIdSource implements RequestIdSource {

    @Override
    public Optional<String> requestId(HttpRequest<?> request) {
        return Optional.empty();
    }
}
