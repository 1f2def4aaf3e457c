package dev.hauntedhelpdesk.security;

import dev.hauntedhelpdesk.config.HelpdeskSettings;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Accepts only access tokens of the configured user pool issued to one of the configured app
 * clients. Signature and expiry are checked by micronaut-security-jwt before this runs.
 */
@Singleton
class CognitoClaimsValidator implements GenericJwtClaimsValidator<HttpRequest<?>> {

    private static final Logger LOG = LoggerFactory.getLogger(CognitoClaimsValidator.class);

    private final String issuer;
    private final List<String> clientIds;

    CognitoClaimsValidator(HelpdeskSettings settings) {
        this.issuer = settings.cognito().issuer();
        this.clientIds = settings.cognito().clientIds();
    }

    @Override
    public boolean validate(Claims claims, HttpRequest<?> request) {
        if (!issuer.equals(claims.get(Claims.ISSUER))) {
            LOG.info("Token rejected: issuer {} is not the configured pool", claims.get(Claims.ISSUER));
            return false;
        }
        if (!"access".equals(claims.get("token_use"))) {
            LOG.info("Token rejected: token_use {} is not access", claims.get("token_use"));
            return false;
        }
        Object clientId = claims.get("client_id");
        if (clientId == null || !clientIds.contains(clientId.toString())) {
            LOG.info("Token rejected: client_id {} is not an accepted app client", clientId);
            return false;
        }
        return true;
    }
}
