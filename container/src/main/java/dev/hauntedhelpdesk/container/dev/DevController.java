package dev.hauntedhelpdesk.container.dev;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.util.Map;
import java.util.TreeMap;

/** Dev mode only: the demo users' tokens, and the JWKS that validates them. */
@Controller("/dev")
@Requires(env = DevMode.ENVIRONMENT)
@Secured(SecurityRule.IS_ANONYMOUS)
class DevController {

    private final DevTokenIssuer issuer;

    DevController(DevTokenIssuer issuer) {
        this.issuer = issuer;
    }

    @Get("/tokens")
    Map<String, String> tokens() {
        Map<String, String> tokens = new TreeMap<>();
        DevTokenIssuer.USERS.keySet().forEach(user -> tokens.put(user, issuer.tokenFor(user)));
        return tokens;
    }

    @Get("/.well-known/jwks.json")
    Map<String, Object> jwks() {
        return issuer.publicJwks();
    }
}
