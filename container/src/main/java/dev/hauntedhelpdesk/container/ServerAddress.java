package dev.hauntedhelpdesk.container;

import dev.hauntedhelpdesk.config.HelpdeskSettings;
import io.micronaut.context.env.Environment;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.server.HttpServerConfiguration;
import jakarta.inject.Singleton;

/**
 * Binds Netty to API_HOST:API_PORT taken from the validated settings, so a bad API_PORT is reported
 * with every other bad variable instead of as a framework conversion error. An explicit
 * {@code micronaut.server.port} (tests use -1, a random port) still wins.
 */
@Singleton
class ServerAddress implements BeanCreatedEventListener<HttpServerConfiguration> {

    private final HelpdeskSettings settings;
    private final Environment environment;

    ServerAddress(HelpdeskSettings settings, Environment environment) {
        this.settings = settings;
        this.environment = environment;
    }

    @Override
    public HttpServerConfiguration onCreated(BeanCreatedEvent<HttpServerConfiguration> event) {
        HttpServerConfiguration server = event.getBean();
        if (!environment.containsProperty("micronaut.server.port")) {
            server.setPort(settings.apiPort());
        }
        if (!environment.containsProperty("micronaut.server.host")) {
            server.setHost(settings.apiHost());
        }
        return server;
    }
}
