package dev.hauntedhelpdesk.lambda;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * An HTTP API JWT authorizer as API Gateway documents it ("Authorizing API requests with a JWT
 * authorizer"): the token from the identity source, with or without {@code Bearer }; an RSA
 * signature by a key of the issuer's JWKS named by {@code kid}; {@code iss} equal to the issuer;
 * {@code aud}, or {@code client_id} when there is no {@code aud}, among the audiences; {@code exp}
 * after now, {@code nbf} and {@code iat} not after now. It does not look at {@code token_use}, so
 * a pool's ID token for the app client passes. Claims reach the integration as strings.
 */
final class JwtAuthorizer {

    private final String issuer;
    private final List<String> audiences;
    private final Supplier<JWKSet> keys;
    private final Clock clock;

    JwtAuthorizer(String issuer, List<String> audiences, Supplier<JWKSet> keys, Clock clock) {
        this.issuer = issuer;
        this.audiences = List.copyOf(audiences);
        this.keys = keys;
        this.clock = clock;
    }

    /** What the authorizer decided. */
    sealed interface Decision {
    }

    /** Let through, with what API Gateway puts in {@code requestContext.authorizer.jwt}. */
    record Allowed(Map<String, String> claims, List<String> scopes) implements Decision {
    }

    /** Refused with 401; {@code reason} is what API Gateway puts in {@code www-authenticate}, if anything. */
    record Denied(Optional<String> reason) implements Decision {
    }

    /**
     * Decides on the identity source's value.
     *
     * @param identity the header value, or null when the request has none
     * @return allowed with the claims, or denied
     */
    Decision authorize(String identity) {
        if (identity == null || identity.isBlank()) {
            return new Denied(Optional.empty());
        }
        String token = identity.startsWith("Bearer ") ? identity.substring("Bearer ".length()).trim() : identity.trim();
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(token);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            return denied("invalid token");
        }
        if (!JWSAlgorithm.Family.RSA.contains(jwt.getHeader().getAlgorithm())) {
            return denied("the token's signing algorithm is not supported");
        }
        JWK key = jwt.getHeader().getKeyID() == null ? null : keys.get().getKeyByKeyId(jwt.getHeader().getKeyID());
        if (!(key instanceof RSAKey rsa)) {
            return denied("the token's kid is not in the issuer's key set");
        }
        try {
            if (!jwt.verify(new RSASSAVerifier(rsa))) {
                return denied("the token has an invalid signature");
            }
        } catch (JOSEException e) {
            return denied("the token has an invalid signature");
        }
        if (!issuer.equals(claims.getIssuer())) {
            return denied("the token does not have a valid issuer");
        }
        Collection<String> presented = claims.getAudience().isEmpty()
                ? Optional.ofNullable(stringClaim(claims, "client_id")).map(List::of).orElse(List.of())
                : claims.getAudience();
        if (presented.stream().noneMatch(audiences::contains)) {
            return denied("the token does not have a valid audience");
        }
        Instant now = clock.instant();
        if (claims.getExpirationTime() == null || !claims.getExpirationTime().toInstant().isAfter(now)) {
            return denied("the token has expired");
        }
        if (after(claims.getNotBeforeTime(), now) || after(claims.getIssueTime(), now)) {
            return denied("the token is not valid yet");
        }
        return new Allowed(asStrings(jwt.getPayload().toJSONObject()), scopes(claims));
    }

    private static Denied denied(String description) {
        return new Denied(Optional.of("Bearer scope=\"\" error=\"invalid_token\" error_description=\"" + description + "\""));
    }

    private static boolean after(Date time, Instant now) {
        return time != null && time.toInstant().isAfter(now);
    }

    private static String stringClaim(JWTClaimsSet claims, String name) {
        Object value = claims.getClaim(name);
        return value instanceof String s ? s : null;
    }

    /** {@code scope} (space-separated, as Cognito writes it) or {@code scp}; null when neither is there. */
    private static List<String> scopes(JWTClaimsSet claims) {
        Object scope = claims.getClaim("scope");
        if (scope == null) {
            scope = claims.getClaim("scp");
        }
        if (scope instanceof String s) {
            return Arrays.stream(s.trim().split("\\s+")).filter(p -> !p.isEmpty()).toList();
        }
        if (scope instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return null;
    }

    /** Every claim of the token's JSON as a string, lists as {@code [a b]}, as API Gateway renders them. */
    private static Map<String, String> asStrings(Map<String, Object> payload) {
        Map<String, String> strings = new LinkedHashMap<>();
        payload.forEach((name, value) -> strings.put(name, render(value)));
        return strings;
    }

    private static String render(Object value) {
        return value instanceof Collection<?> list
                ? list.stream().map(JwtAuthorizer::render).collect(Collectors.joining(" ", "[", "]"))
                : String.valueOf(value);
    }
}
