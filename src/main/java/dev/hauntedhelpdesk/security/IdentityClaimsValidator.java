package dev.hauntedhelpdesk.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.regex.Pattern;

/**
 * Refuses a token whose {@code sub} cannot be an identity: the subject becomes the caller's id,
 * which is stored as the ticket's requester and is part of keys and index keys in DynamoDB. An
 * empty one would make DynamoDB refuse the write, an overlong one the key, both after the token
 * was accepted; so a subject must be 1 to {@value #MAX_SUBJECT} visible ASCII characters (a
 * Cognito {@code sub} is a 36-character UUID). A JWT authorizer in front does not look at
 * {@code sub}, so the service checks it itself.
 */
@Singleton
class IdentityClaimsValidator implements GenericJwtClaimsValidator<HttpRequest<?>> {

    static final int MAX_SUBJECT = 128;

    private static final Logger LOG = LoggerFactory.getLogger(IdentityClaimsValidator.class);
    private static final Pattern SUBJECT = Pattern.compile("[\\x21-\\x7E]{1," + MAX_SUBJECT + "}");

    @Override
    public boolean validate(Claims claims, HttpRequest<?> request) {
        Object subject = claims.get(Claims.SUBJECT);
        if (!(subject instanceof String s) || !SUBJECT.matcher(s).matches()) {
            LOG.info("Token rejected: sub is not 1 to {} visible ASCII characters", MAX_SUBJECT);
            return false;
        }
        return true;
    }
}
