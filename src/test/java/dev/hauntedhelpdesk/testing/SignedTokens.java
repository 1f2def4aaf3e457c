package dev.hauntedhelpdesk.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Cognito-shaped access tokens with any claims at all, signed by RSA keys the test owns: a user
 * pool of the test's own making, whose key set a {@link JwksServer} serves. {@link #KEY_WITH_ALG}
 * states {@code alg: RS256} in its JWK, {@link #KEY_WITHOUT_ALG} states none.
 */
public final class SignedTokens {

    public static final String KEY_WITH_ALG = "rs256-key";
    public static final String KEY_WITHOUT_ALG = "any-rsa-key";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String region = LocalAws.REGION.id();
    private final String poolId = region + "_SignedTokens";
    private final String clientId = "signed-tokens-client";
    private final RSAKey withAlg = generate(KEY_WITH_ALG, JWSAlgorithm.RS256);
    private final RSAKey withoutAlg = generate(KEY_WITHOUT_ALG, null);

    public String poolId() {
        return poolId;
    }

    public String clientId() {
        return clientId;
    }

    public String issuer() {
        return "https://cognito-idp." + region + ".amazonaws.com/" + poolId;
    }

    /** @return the public keys, as the pool's JWKS document serves them */
    public JWKSet publicKeys() {
        return new JWKSet(List.of(withAlg.toPublicJWK(), withoutAlg.toPublicJWK()));
    }

    /**
     * Points an application's properties at this pool: its issuer and app client, keys at {@code jwksUrl}.
     *
     * @param properties properties from {@link BackendProperties}, changed in place
     * @param jwksUrl where the application fetches the keys
     * @return the same map
     */
    public Map<String, Object> trustedBy(Map<String, Object> properties, String jwksUrl) {
        properties.put("helpdesk.cognito.region", region);
        properties.put("helpdesk.cognito.user-pool-id", poolId);
        properties.put("helpdesk.cognito.client-ids", clientId);
        properties.put("helpdesk.cognito.jwks-url", jwksUrl);
        return properties;
    }

    /**
     * The claims of a valid access token for {@code user}, issued now and valid for an hour; a
     * test changes or removes them (a {@code null} value is written as JSON {@code null}).
     */
    public Map<String, Object> accessClaims(String user) {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", UUID.nameUUIDFromBytes(user.getBytes()).toString());
        claims.put("iss", issuer());
        claims.put("client_id", clientId);
        claims.put("origin_jti", UUID.randomUUID().toString());
        claims.put("event_id", UUID.randomUUID().toString());
        claims.put("token_use", "access");
        claims.put("scope", "aws.cognito.signin.user.admin");
        claims.put("auth_time", now);
        claims.put("exp", now + 3600);
        claims.put("iat", now);
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("username", user);
        return claims;
    }

    /** A valid access token for {@code user}, RS256 with the key whose JWK says RS256. */
    public String accessToken(String user) {
        return sign(accessClaims(user));
    }

    /** {@code claims} signed RS256 by {@link #KEY_WITH_ALG}. */
    public String sign(Map<String, Object> claims) {
        return sign(claims, KEY_WITH_ALG, JWSAlgorithm.RS256);
    }

    /**
     * Signs exactly these claims (serialized as given, nulls included) with one of the pool's keys.
     *
     * @param claims the payload
     * @param keyId which key signs, and the header's {@code kid}; an unknown id signs with a fresh key
     * @param algorithm the header's {@code alg}, an RSA algorithm
     * @return the compact token
     */
    public String sign(Map<String, Object> claims, String keyId, JWSAlgorithm algorithm) {
        RSAKey key = switch (keyId) {
            case KEY_WITH_ALG -> withAlg;
            case KEY_WITHOUT_ALG -> withoutAlg;
            default -> generate(keyId, null);
        };
        try {
            JWSObject jws = new JWSObject(new JWSHeader.Builder(algorithm).keyID(keyId).build(),
                    new Payload(JSON.writeValueAsString(claims)));
            jws.sign(new RSASSASigner(key));
            return jws.serialize();
        } catch (JOSEException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey generate(String keyId, JWSAlgorithm algorithm) {
        try {
            RSAKeyGenerator generator = new RSAKeyGenerator(2048);
            generator.keyID(keyId).keyUse(KeyUse.SIGNATURE);
            if (algorithm != null) {
                generator.algorithm(algorithm);
            }
            return generator.generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
