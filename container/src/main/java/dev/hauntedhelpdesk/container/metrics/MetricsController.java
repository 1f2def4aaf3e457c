package dev.hauntedhelpdesk.container.metrics;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;

/**
 * The meters in Prometheus text format at {@value #PATH}. The path sits on the public port
 * behind the load balancer, so only staff ({@code agents}, {@code admins}) may read it: a scraper
 * authenticates as a staff user like any other caller.
 */
@Controller
@Secured({"agents", "admins"})
class MetricsController {

    static final String PATH = "/internal/metrics";
    private static final String TEXT_FORMAT = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;

    MetricsController(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    @Get(PATH)
    @Produces(TEXT_FORMAT)
    String scrape() {
        return registry.scrape();
    }
}
