package dev.hauntedhelpdesk.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jwt.SignedJWT;
import dev.hauntedhelpdesk.config.HelpdeskSettings;
import dev.hauntedhelpdesk.testing.JwksServer;
import dev.hauntedhelpdesk.testing.SignedTokens;
import dev.hauntedhelpdesk.testing.TestSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The RSA check runs once per token: a token seen before is accepted without it, another one
 * never. A check that may have to fetch the keys runs on the blocking executor; one whose keys
 * are cached runs where it is asked.
 */
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

    @Test
    void aCheckThatMayFetch_runsOnTheBlockingExecutor_oneWithCachedKeys_whereItIsAsked() throws Exception {
        ThreadPoolExecutor counted = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
        try {
            TokenSignature counting = new TokenSignature(keys, counted);

            assertTrue(Mono.from(counting.verify(SignedJWT.parse(tokens.accessToken("alice")))).block());
            assertEquals(1, counted.getTaskCount(), "nothing cached yet: the check fetched on the blocking executor");

            assertTrue(Mono.from(counting.verify(SignedJWT.parse(tokens.accessToken("bob")))).block());
            assertEquals(1, counted.getTaskCount(), "the keys cached: the check ran where it was asked");
        } finally {
            counted.shutdownNow();
        }
    }

    @Test
    void theKeysCountAsCached_onlyAfterAFetch_forAKeyTheSetHas_andWithinTheCachePeriod() throws Exception {
        HelpdeskSettings.Jwks shortCache = new HelpdeskSettings.Jwks(Duration.ofSeconds(2), Duration.ofSeconds(3),
                Duration.ofSeconds(3), Duration.ofSeconds(30));
        JwksKeys briefly = new JwksKeys(TestSettings.of("table", new HelpdeskSettings.Cognito("us-east-1",
                tokens.poolId(), List.of(tokens.clientId()), URI.create(jwks.url()), shortCache,
                HelpdeskSettings.Cognito.DEFAULT_CLOCK_LEEWAY)));
        try {
            JWSHeader known = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(SignedTokens.KEY_WITH_ALG).build();
            JWSHeader unknown = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("no-such-key").build();
            // The JWK says RS256: nimbus matches no key for RS512 and would refetch for it.
            JWSHeader otherAlgorithm = new JWSHeader.Builder(JWSAlgorithm.RS512).keyID(SignedTokens.KEY_WITH_ALG)
                    .build();

            assertFalse(briefly.cached(known), "before the first fetch");
            briefly.prefetch();
            assertTrue(briefly.cached(known));
            assertFalse(briefly.cached(unknown), "a kid the set lacks makes nimbus refetch");
            assertFalse(briefly.cached(otherAlgorithm), "no key of the set matches the header");
            assertTrue(briefly.cached(new JWSHeader(JWSAlgorithm.HS256)), "refused without the key set");

            // A 3 s period, less the 1 s margin: 2 s after the fetch, whatever the checks above took.
            Thread.sleep(2_100);
            assertFalse(briefly.cached(known), "the cache period is (nearly) over: the next lookup may fetch");
        } finally {
            briefly.close();
        }
    }
}
