package dev.hauntedhelpdesk.security;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jwt.SignedJWT;
import dev.hauntedhelpdesk.config.HelpdeskSettings;
import dev.hauntedhelpdesk.testing.JwksServer;
import dev.hauntedhelpdesk.testing.SignedTokens;
import dev.hauntedhelpdesk.testing.TestSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.text.ParseException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The RSA check runs once per token: a token seen before is accepted without it, another one never. */
class TokenSignatureTest {

    private final SignedTokens tokens = new SignedTokens();
    private final JwksServer jwks = JwksServer.serving(tokens.publicKeys());
    private final ExecutorService blocking = Executors.newVirtualThreadPerTaskExecutor();
    private final JwksKeys keys = new JwksKeys(TestSettings.of("table", new HelpdeskSettings.Cognito("us-east-1",
            tokens.poolId(), List.of(tokens.clientId()), URI.create(jwks.url()))));
    private final TokenSignature signature = new TokenSignature(keys, blocking);

    @AfterEach
    void stop() throws Exception {
        keys.close();
        jwks.close();
        blocking.shutdownNow();
    }

    @Test
    void aTokenVerifiedOnce_isAcceptedAgainWithoutTheCheck() throws ParseException {
        String token = tokens.accessToken("alice");
        SignedJWT first = SignedJWT.parse(token);
        assertTrue(signature.verifies(first));
        assertEquals(JWSObject.State.VERIFIED, first.getState(), "the first time, the signature is checked");

        SignedJWT again = SignedJWT.parse(token);
        assertTrue(signature.verifies(again));
        assertEquals(JWSObject.State.SIGNED, again.getState(), "the second time, it is not checked again");
    }

    @Test
    void aTokenWithAnotherSignature_isCheckedAndRefused() throws ParseException {
        String token = tokens.accessToken("alice");
        assertTrue(signature.verifies(SignedJWT.parse(token)));
        String[] parts = token.split("\\.");
        // The same header and claims, the signature of another token: only the check can tell.
        String forged = parts[0] + "." + parts[1] + "." + tokens.accessToken("bob").split("\\.")[2];

        assertFalse(signature.verifies(SignedJWT.parse(forged)));
    }
}
