package dev.hauntedhelpdesk.lambda;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JWT authorizer model against tokens signed with a key of its own, so every claim can be bent. */
class JwtAuthorizerTest {

    private static final String ISSUER = "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Test";
    private static final String CLIENT = "app-client";
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final RSAKey KEY = key("k1");
    private static final RSAKey IMPOSTOR = key("k1");

    private final JwtAuthorizer authorizer = new JwtAuthorizer(ISSUER, List.of(CLIENT, "second-client"),
            () -> new JWKSet(KEY.toPublicJWK()), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aValidAccessToken_isAllowed_withClaimsAsStrings_andItsScopes() {
        JwtAuthorizer.Decision decision = authorizer.authorize("Bearer " + token(KEY, c -> c));

        JwtAuthorizer.Allowed allowed = assertInstanceOf(JwtAuthorizer.Allowed.class, decision);
        assertEquals("user-1", allowed.claims().get("sub"));
        assertEquals(CLIENT, allowed.claims().get("client_id"));
        assertEquals("[agents admins]", allowed.claims().get("cognito:groups"));
        assertEquals(Long.toString(NOW.plusSeconds(600).getEpochSecond()), allowed.claims().get("exp"));
        assertEquals(List.of("aws.cognito.signin.user.admin"), allowed.scopes());
    }

    @Test
    void theBearerPrefix_isOptional() {
        assertInstanceOf(JwtAuthorizer.Allowed.class, authorizer.authorize(token(KEY, c -> c)));
    }

    @Test
    void anIdTokenForTheAppClient_isAllowed_becauseTheAuthorizerIgnoresTokenUse() {
        String idToken = token(KEY, c -> c.claim("client_id", null).claim("scope", null).audience(CLIENT)
                .claim("token_use", "id"));
        JwtAuthorizer.Allowed allowed = assertInstanceOf(JwtAuthorizer.Allowed.class, authorizer.authorize(idToken));
        assertEquals(CLIENT, allowed.claims().get("aud"));
        assertNull(allowed.scopes());
    }

    @Test
    void audTakesPrecedenceOverClientId() {
        String token = token(KEY, c -> c.audience("someone-else"));
        assertDenied(authorizer.authorize(token), "valid audience");
    }

    @Test
    void everyBrokenToken_isDenied_naming_theReason() {
        assertDenied(authorizer.authorize(token(IMPOSTOR, c -> c)), "invalid signature");
        assertDenied(authorizer.authorize(token(key("k2"), c -> c)), "kid");
        assertDenied(authorizer.authorize(token(KEY, c -> c.issuer(ISSUER + "x"))), "valid issuer");
        assertDenied(authorizer.authorize(token(KEY, c -> c.claim("client_id", "other-app"))), "valid audience");
        assertDenied(authorizer.authorize(token(KEY, c -> c.claim("client_id", null))), "valid audience");
        assertDenied(authorizer.authorize(token(KEY, c -> c.expirationTime(Date.from(NOW)))), "expired");
        assertDenied(authorizer.authorize(token(KEY, c -> c.notBeforeTime(Date.from(NOW.plusSeconds(60))))), "not valid yet");
        assertDenied(authorizer.authorize(token(KEY, c -> c.issueTime(Date.from(NOW.plusSeconds(60))))), "not valid yet");
        assertDenied(authorizer.authorize("Bearer not.a.jwt"), "invalid token");
    }

    @Test
    void aTokenWithoutExp_isDenied_becauseExpMustBeAfterNow() {
        assertDenied(authorizer.authorize(token(KEY, c -> c.expirationTime(null))), "expired");
    }

    @Test
    void nbfOrIatOneSecondAhead_isDenied_forTheGatewayDocumentsNoLeeway() {
        assertDenied(authorizer.authorize(token(KEY, c -> c.notBeforeTime(Date.from(NOW.plusSeconds(1))))),
                "not valid yet");
        assertDenied(authorizer.authorize(token(KEY, c -> c.issueTime(Date.from(NOW.plusSeconds(1))))),
                "not valid yet");
    }

    @Test
    void aTokenSignedWithASharedSecret_isDenied_onlyRsaIsSupported() throws JOSEException {
        SignedJWT hmac = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("k1").build(), claims().build());
        hmac.sign(new MACSigner(new byte[32]));
        assertDenied(authorizer.authorize(hmac.serialize()), "algorithm");
    }

    @Test
    void noToken_isDenied_withoutAReason() {
        JwtAuthorizer.Denied denied = assertInstanceOf(JwtAuthorizer.Denied.class, authorizer.authorize(null));
        assertTrue(denied.reason().isEmpty());
        assertInstanceOf(JwtAuthorizer.Denied.class, authorizer.authorize(""));
    }

    private static void assertDenied(JwtAuthorizer.Decision decision, String reason) {
        JwtAuthorizer.Denied denied = assertInstanceOf(JwtAuthorizer.Denied.class, decision);
        assertTrue(denied.reason().orElseThrow().contains(reason), denied::toString);
        assertTrue(denied.reason().orElseThrow().startsWith("Bearer scope=\"\" error=\"invalid_token\""), denied::toString);
    }

    private static JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject("user-1")
                .claim("client_id", CLIENT)
                .claim("token_use", "access")
                .claim("scope", "aws.cognito.signin.user.admin")
                .claim("cognito:groups", List.of("agents", "admins"))
                .issueTime(Date.from(NOW.minusSeconds(60)))
                .expirationTime(Date.from(NOW.plusSeconds(600)));
    }

    private static String token(RSAKey key, UnaryOperator<JWTClaimsSet.Builder> change) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                change.apply(claims()).build());
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static RSAKey key(String id) {
        try {
            return new RSAKeyGenerator(2048).keyID(id).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
