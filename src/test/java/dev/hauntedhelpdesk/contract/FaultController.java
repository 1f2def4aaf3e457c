package dev.hauntedhelpdesk.contract;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

/** Test-only route that fails unexpectedly, to check what an unhandled error shows a client. */
@Controller("/api/faults")
@Requires(property = "helpdesk.test.faults", value = "true")
@Secured(SecurityRule.IS_AUTHENTICATED)
class FaultController {

    static final String SECRET = "db-password=hunter2";

    @Get("/boom")
    String boom() {
        throw new IllegalStateException("internal detail " + SECRET);
    }
}
