package dev.hauntedhelpdesk.lambda;

import dev.hauntedhelpdesk.testing.BackendProperties;
import dev.hauntedhelpdesk.testing.CognitoPool;
import dev.hauntedhelpdesk.testing.JwksServer;
import dev.hauntedhelpdesk.testing.MotoServer;
import dev.hauntedhelpdesk.testing.SignedTokens;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The pool's key set is fetched during init, so it is in the snapshot; an environment restored
 * from it later fetches the keys again in {@code afterRestore}, not in its first signed request.
 */
class SnapStartRestoreKeysTest {

    @Test
    void afterRestore_fetchesTheSigningKeysAgain_onceTheSnapshotsKeySetHasExpired() throws InterruptedException {
        SignedTokens tokens = new SignedTokens();
        try (JwksServer keys = JwksServer.serving(tokens.publicKeys())) {
            Map<String, Object> properties = BackendProperties.forApp(BackendProperties.uniqueTableName(),
                    MotoServer.shared().endpoint(), CognitoPool.shared());
            tokens.trustedBy(properties, keys.url());
            properties.put("helpdesk.cognito.jwks-cache-ttl", "2");
            try (HttpApiEventFunction function = LambdaRuntime.handler(properties, LambdaRuntime.TestV2Function::new)) {
                int duringInit = keys.requests();
                function.priming().afterRestore(null);
                int restoredAtOnce = keys.requests();
                Thread.sleep(2500);

                function.priming().afterRestore(null);

                assertEquals(1, duringInit, "key set fetches during init");
                assertEquals(1, restoredAtOnce, "a fresh key set is not fetched again");
                assertEquals(2, keys.requests(), "key set fetches after a restore past its cache period");
            }
        }
    }
}
