package dev.hauntedhelpdesk.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CognitoPoolTest {

    private static CognitoPool pool;

    @BeforeAll
    static void startPool() {
        pool = CognitoPool.shared();
    }

    @Test
    void carolsAccessTokenCarriesTheAgentsGroup() throws Exception {
        assertEquals(List.of("agents"), claims(pool.accessToken("carol")).getStringListClaim("cognito:groups"));
    }

    @Test
    void davesAccessTokenCarriesAgentsAndAdmins() throws Exception {
        // Cognito does not promise an order for the groups claim.
        assertEquals(Set.of("agents", "admins"),
                Set.copyOf(claims(pool.accessToken("dave")).getStringListClaim("cognito:groups")));
    }

    @Test
    void requestersAccessTokenCarriesNoGroups() throws Exception {
        assertNull(claims(pool.accessToken("alice")).getStringListClaim("cognito:groups"));
    }

    @Test
    void accessTokenIsAnAccessTokenForTheTrustedClientFromThePoolIssuer() throws Exception {
        JWTClaimsSet claims = claims(pool.accessToken("carol"));
        assertEquals("access", claims.getStringClaim("token_use"));
        assertEquals(pool.clientId(), claims.getStringClaim("client_id"));
        assertEquals("carol", claims.getStringClaim("username"));
        assertEquals(pool.issuer(), claims.getIssuer());
    }

    @Test
    void idTokenIsAnIdTokenForTheSameUser() throws Exception {
        JWTClaimsSet claims = claims(pool.idToken("carol"));
        assertEquals("id", claims.getStringClaim("token_use"));
        assertEquals(pool.sub("carol"), claims.getSubject());
    }

    @Test
    void otherClientsTokenNamesTheOtherClient() throws Exception {
        assertNotEquals(pool.clientId(), pool.otherClientId());
        assertEquals(pool.otherClientId(), claims(pool.accessTokenFromOtherClient("bob")).getStringClaim("client_id"));
    }

    @Test
    void subIsStableAndDiffersBetweenUsers() {
        assertEquals(pool.sub("alice"), pool.sub("alice"));
        assertNotEquals(pool.sub("alice"), pool.sub("bob"));
    }

    @Test
    void realTokenVerifiesAgainstTheJwksButTheForgedOneDoesNot() throws Exception {
        SignedJWT real = SignedJWT.parse(pool.accessToken("carol"));
        SignedJWT forged = SignedJWT.parse(pool.forgedAccessToken("carol"));
        JWSVerifier verifier = new RSASSAVerifier(jwks().getKeyByKeyId(real.getHeader().getKeyID()).toRSAKey());

        assertTrue(real.verify(verifier));
        assertFalse(forged.verify(verifier));
    }

    @Test
    void forgedTokenKeepsHeaderAndClaimsButHasADifferentSignature() throws Exception {
        String[] real = pool.accessToken("carol").split("\\.");
        String[] forged = pool.forgedAccessToken("carol").split("\\.");

        assertEquals(real[0], forged[0]);
        assertEquals(real[1], forged[1]);
        assertNotEquals(real[2], forged[2]);
    }

    private static JWTClaimsSet claims(String token) throws Exception {
        return SignedJWT.parse(token).getJWTClaimsSet();
    }

    private static JWKSet jwks() throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpRequest request = HttpRequest.newBuilder(pool.jwksUrl()).build();
            return JWKSet.parse(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
        }
    }
}
