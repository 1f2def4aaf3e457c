package dev.hauntedhelpdesk.health;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.management.endpoint.health.HealthEndpoint;
import io.micronaut.management.health.indicator.HealthCheckType;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import org.reactivestreams.Publisher;

import java.security.Principal;

/**
 * {@code /health/live} and {@code /health/ready}: the short probe paths some orchestrators use,
 * answering exactly as {@code /health/liveness} and {@code /health/readiness} (same body, same
 * 503 when DOWN, applied by the management module's health filter on /health/**).
 */
@Controller("/health")
@Secured(SecurityRule.IS_ANONYMOUS)
class HealthAliasController {

    private final HealthEndpoint health;

    HealthAliasController(HealthEndpoint health) {
        this.health = health;
    }

    @Get("/live")
    Publisher<HealthResult> live(@Nullable Principal principal) {
        return health.getHealth(principal, HealthCheckType.LIVENESS);
    }

    @Get("/ready")
    Publisher<HealthResult> ready(@Nullable Principal principal) {
        return health.getHealth(principal, HealthCheckType.READINESS);
    }
}
