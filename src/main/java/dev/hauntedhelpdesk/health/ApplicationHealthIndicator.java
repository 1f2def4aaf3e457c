package dev.hauntedhelpdesk.health;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Liveness;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Which build answers and for how long it has run: {@code version} (the Maven project version),
 * {@code started_at}, {@code uptime_s} and the {@code timestamp} of the answer, shown to
 * authenticated callers like every indicator's details. Always UP; a liveness indicator, so it
 * is in {@code /health/liveness} too and costs nothing to ask.
 */
@Singleton
@Liveness
class ApplicationHealthIndicator implements HealthIndicator {

    static final String BUILD_PROPERTIES = "/helpdesk-build.properties";

    private final String version;
    private final Instant started;
    private final Clock clock = Clock.systemUTC();

    ApplicationHealthIndicator() {
        this.version = readVersion();
        this.started = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
    }

    @Override
    public Publisher<HealthResult> getResult() {
        Instant now = clock.instant();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("version", version);
        details.put("started_at", started.toString());
        details.put("uptime_s", Duration.between(started, now).toSeconds());
        details.put("timestamp", now.toString());
        return Publishers.just(HealthResult.builder("application", HealthStatus.UP).details(details).build());
    }

    private static String readVersion() {
        try (InputStream in = ApplicationHealthIndicator.class.getResourceAsStream(BUILD_PROPERTIES)) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
