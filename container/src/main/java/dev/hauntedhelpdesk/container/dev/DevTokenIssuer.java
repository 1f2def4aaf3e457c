package dev.hauntedhelpdesk.container.dev;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.hauntedhelpdesk.config.HelpdeskSettings;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Issues Cognito-shaped access tokens for the demo users in dev mode, signed with a key made at
 * start-up and published as this process's JWKS; the service validates them through the same
 * JWKS path as real Cognito tokens. Exists only in the dev environment.
 */
@Context
@Requires(env = DevMode.ENVIRONMENT)
class DevTokenIssuer {

    /** Demo users: a requester, an agent and an admin, with stable subjects. */
    static final Map<String, List<String>> USERS = Map.of(
            "requester", List.of(),
            "agent", List.of("agents"),
            "admin", List.of("agents", "admins"));
    private static final Duration LIFETIME = Duration.ofHours(12);

    private final RSAKey key;
    private final HelpdeskSettings settings;

    DevTokenIssuer(HelpdeskSettings settings) throws JOSEException {
        DevMode.refuseDeployedRuntime(System.getenv());
        this.settings = settings;
        this.key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
    }

    Map<String, Object> publicJwks() {
        return new JWKSet(key.toPublicJWK()).toJSONObject();
    }

    String tokenFor(String username) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(settings.cognito().issuer())
                .subject(UUID.nameUUIDFromBytes(username.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString())
                .claim("username", username)
                .claim("cognito:groups", USERS.get(username))
                .claim("token_use", "access")
                .claim("client_id", settings.cognito().clientIds().get(0))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(LIFETIME)))
                .jwtID(UUID.randomUUID().toString())
                .build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign a dev token", e);
        }
    }
}
