package dev.hauntedhelpdesk.bench.plain;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Cognito access tokens checked as the project checks them: RS256 signature by a key of the pool's
 * JWKS (fetched on first use and cached by nimbus), {@code iss} of the pool, {@code token_use} =
 * {@code access}, {@code client_id} one of the app clients, {@code exp} not passed.
 */
final class AccessTokens {

    private final DefaultJWTProcessor<SecurityContext> processor;
    private final Set<String> clientIds;

    private AccessTokens(DefaultJWTProcessor<SecurityContext> processor, Set<String> clientIds) {
        this.processor = processor;
        this.clientIds = clientIds;
    }

    static AccessTokens fromEnvironment() {
        String pool = required("COGNITO_USER_POOL_ID");
        String region = System.getenv().getOrDefault("COGNITO_REGION", pool.substring(0, pool.indexOf('_')));
        String issuer = "https://cognito-idp." + region + ".amazonaws.com/" + pool;
        String jwksUrl = System.getenv().getOrDefault("COGNITO_JWKS_URL", issuer + "/.well-known/jwks.json");
        JWKSource<SecurityContext> keys;
        try {
            // The project's default timeouts (COGNITO_JWKS_CONNECT_TIMEOUT 2 s, READ_TIMEOUT 3 s).
            keys = JWKSourceBuilder.create(URI.create(jwksUrl).toURL(), new DefaultResourceRetriever(2000, 3000))
                    .build();
        } catch (MalformedURLException e) {
            throw new IllegalStateException("COGNITO_JWKS_URL is not a URL: " + jwksUrl, e);
        }
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
                new JWTClaimsSet.Builder().issuer(issuer).claim("token_use", "access").build(),
                Set.of("sub", "exp", "client_id")));
        Set<String> clientIds = Arrays.stream(required("COGNITO_APP_CLIENT_IDS").split(","))
                .map(String::trim).filter(id -> !id.isEmpty()).collect(Collectors.toUnmodifiableSet());
        return new AccessTokens(processor, clientIds);
    }

    /** The caller a {@code Bearer} token speaks for, or {@code null} when it proves nothing. */
    Caller verify(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        try {
            JWTClaimsSet claims = processor.process(authorization.substring(7).trim(), null);
            if (!clientIds.contains(claims.getStringClaim("client_id"))) {
                return null;
            }
            List<String> groups = claims.getStringListClaim("cognito:groups");
            return new Caller(claims.getSubject(), groups == null ? List.of() : groups);
        } catch (ParseException | BadJOSEException | JOSEException e) {
            return null;
        }
    }

    private static String required(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set");
        }
        return value;
    }
}
