package dev.hauntedhelpdesk.web;

import dev.hauntedhelpdesk.config.HelpdeskSettings;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.server.HttpServerConfiguration;
import io.micronaut.http.server.cors.CorsOriginConfiguration;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;

/**
 * CORS is off unless CORS_ORIGINS lists origins; then exactly those origins may call the API from
 * a browser, with the methods {@link CorsPolicy} lists, and read the headers it exposes.
 */
@Singleton
class CorsFromSettings implements BeanCreatedEventListener<HttpServerConfiguration.CorsConfiguration> {

    private final HelpdeskSettings settings;

    CorsFromSettings(HelpdeskSettings settings) {
        this.settings = settings;
    }

    @Override
    public HttpServerConfiguration.CorsConfiguration onCreated(
            BeanCreatedEvent<HttpServerConfiguration.CorsConfiguration> event) {
        HttpServerConfiguration.CorsConfiguration cors = event.getBean();
        List<String> origins = settings.corsOrigins();
        cors.setEnabled(!origins.isEmpty());
        if (!origins.isEmpty()) {
            CorsOriginConfiguration web = new CorsOriginConfiguration();
            web.setAllowedOrigins(origins);
            web.setAllowedMethods(CorsPolicy.ALLOWED_METHODS.stream().map(HttpMethod::parse).toList());
            // Allowed headers stay "any" (each preflight's requested headers are echoed): with a
            // fixed list, Micronaut 4.10's CorsFilter answers 403 to a valid preflight that asks for
            // no extra header at all. CorsPolicy.ALLOWED_HEADERS is what API Gateway lists.
            web.setExposedHeaders(CorsPolicy.EXPOSED_HEADERS);
            web.setAllowCredentials(CorsPolicy.ALLOW_CREDENTIALS);
            web.setMaxAge(CorsPolicy.MAX_AGE.toSeconds());
            cors.setConfigurations(Map.of("web", web));
        }
        return cors;
    }
}
