package dev.hauntedhelpdesk.security;

import dev.hauntedhelpdesk.config.HelpdeskSettings;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * A token must say when it expires ({@code exp}, a number), and must not claim to be valid only
 * later ({@code nbf}) or to have been issued later ({@code iat}) than now plus the clock leeway
 * ({@code TOKEN_CLOCK_LEEWAY}, for clocks that disagree a little). micronaut-security checks
 * that {@code exp} has not passed, but only when the token has one.
 */
@Singleton
class TokenTimeClaimsValidator implements GenericJwtClaimsValidator<HttpRequest<?>> {

    private static final Logger LOG = LoggerFactory.getLogger(TokenTimeClaimsValidator.class);

    private final Duration leeway;
    private final Clock clock;

    TokenTimeClaimsValidator(HelpdeskSettings settings) {
        this.leeway = settings.cognito().clockLeeway();
        this.clock = Clock.systemUTC();
    }

    @Override
    public boolean validate(Claims claims, HttpRequest<?> request) {
        if (instant(claims.get(Claims.EXPIRATION_TIME)) == null) {
            LOG.info("Token rejected: it has no numeric exp");
            return false;
        }
        Instant latest = clock.instant().plus(leeway);
        for (String name : new String[] {Claims.NOT_BEFORE, Claims.ISSUED_AT}) {
            Instant time = instant(claims.get(name));
            if (time != null && time.isAfter(latest)) {
                LOG.info("Token rejected: {} {} is in the future beyond the {} s leeway", name, time,
                        leeway.toSeconds());
                return false;
            }
        }
        return true;
    }

    /** A NumericDate claim as the JWT library parsed it (a Date) or as a plain number of seconds. */
    private static Instant instant(Object value) {
        if (value instanceof Date date) {
            return date.toInstant();
        }
        if (value instanceof Number seconds) {
            return Instant.ofEpochSecond(seconds.longValue());
        }
        return null;
    }
}
