package dev.hauntedhelpdesk.health;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.management.endpoint.health.HealthEndpoint;
import io.micronaut.management.health.indicator.HealthCheckType;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.reactivestreams.Publisher;

import java.security.Principal;

/**
 * {@code /health/live} and {@code /health/ready}: the short probe paths some orchestrators use,
 * answering exactly as {@code /health/liveness} and {@code /health/readiness}: same body, and 503
 * when DOWN (the management module maps that only for its own endpoint paths).
 */
@Tag(name = "health")
@Controller("/health")
@Secured(SecurityRule.IS_ANONYMOUS)
class HealthAliasController {

    private final HealthEndpoint health;

    HealthAliasController(HealthEndpoint health) {
        this.health = health;
    }

    @Get("/live")
    @Operation(summary = "As /health/liveness", operationId = "live", security = {})
    @ApiResponse(responseCode = "200", ref = "#/components/responses/Health")
    @ApiResponse(responseCode = "503", ref = "#/components/responses/Health")
    Publisher<HttpResponse<HealthResult>> live(@Nullable Principal principal) {
        return withStatus(health.getHealth(principal, HealthCheckType.LIVENESS));
    }

    @Get("/ready")
    @Operation(summary = "As /health/readiness", operationId = "ready", security = {})
    @ApiResponse(responseCode = "200", ref = "#/components/responses/Health")
    @ApiResponse(responseCode = "503", ref = "#/components/responses/Health")
    Publisher<HttpResponse<HealthResult>> ready(@Nullable Principal principal) {
        return withStatus(health.getHealth(principal, HealthCheckType.READINESS));
    }

    private static Publisher<HttpResponse<HealthResult>> withStatus(Publisher<HealthResult> result) {
        return Publishers.map(result, r -> HttpResponse.status(
                HealthStatus.DOWN.equals(r.getStatus()) ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.OK).body(r));
    }
}
