package dev.hauntedhelpdesk.config;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.env.Environment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds {@link HelpdeskSettings} eagerly ({@code @Context}) so that bad configuration stops
 * start-up in both runtimes before any request is served, and logs the effective values.
 */
@Factory
class SettingsFactory {

    private static final Logger LOG = LoggerFactory.getLogger(SettingsFactory.class);

    @Context
    HelpdeskSettings settings(Environment environment) {
        HelpdeskSettings settings = new SettingsLoader(environment).load();
        // No field of the settings is a secret (credentials come from the AWS provider chain),
        // so the whole record is safe to log.
        LOG.info("Effective configuration: {}", settings);
        return settings;
    }
}
