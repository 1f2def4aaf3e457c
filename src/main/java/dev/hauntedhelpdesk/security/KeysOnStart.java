package dev.hauntedhelpdesk.security;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;

/**
 * Fetches the key set as the application starts, so that the first signed request does not wait
 * for it: in Lambda this is init, which SnapStart snapshots, and the container is not ready before
 * its context has started. A failure is logged and remembered by {@link JwksFailureCache}, and
 * requests fetch again as they would without this. Off where {@link KeySetPrefetch#ON_START} is
 * {@code false}.
 */
@Singleton
@Requires(property = KeySetPrefetch.ON_START, notEquals = "false")
class KeysOnStart {

    private final BeanProvider<KeySetPrefetch> keys;

    KeysOnStart(BeanProvider<KeySetPrefetch> keys) {
        this.keys = keys;
    }

    @EventListener
    void prefetch(StartupEvent started) {
        keys.get().prefetch();
    }
}
