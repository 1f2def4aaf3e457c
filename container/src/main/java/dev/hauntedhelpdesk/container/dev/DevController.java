package dev.hauntedhelpdesk.container.dev;

import dev.hauntedhelpdesk.config.HelpdeskSettings;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jakarta.annotation.PreDestroy;

import java.net.URI;
import java.util.Map;

/** Dev mode only: fresh access tokens of the demo users, from the dev user pool on moto. */
@Controller("/dev")
@Requires(env = DevMode.ENVIRONMENT)
@Secured(SecurityRule.IS_ANONYMOUS)
class DevController {

    private final DevUserPool pool;

    DevController(@Property(name = DevMode.MOTO_ENDPOINT_PROPERTY) String motoEndpoint, HelpdeskSettings settings) {
        // A second guard: the dev environment might be switched on without going through DevMode.start.
        DevMode.refuseDeployedRuntime(System.getenv());
        this.pool = new DevUserPool(URI.create(motoEndpoint), settings.cognito().region(),
                settings.cognito().clientIds().get(0));
    }

    /** Tokens by demo user: {@code requester} (no group), {@code agent} (agents), {@code admin} (agents, admins). */
    @Get("/tokens")
    @ExecuteOn(TaskExecutors.BLOCKING)
    Map<String, String> tokens() {
        return pool.accessTokens();
    }

    @PreDestroy
    void close() {
        pool.close();
    }
}
