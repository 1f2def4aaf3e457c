package dev.hauntedhelpdesk.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.token.jwt.signature.ReactiveSignatureConfiguration;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.Key;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * Verifies an access token's signature with the pool's keys ({@link JwksKeys}). A key is used
 * only for the algorithm its JWK states, when it states one; a token one of them verified before
 * is not checked again while that key is still a candidate ({@link VerifiedSignatures}). Fetching
 * the keys blocks (for at most the JWKS timeouts), so a check that may fetch runs on the blocking
 * executor, never on the event loop; one whose keys are cached runs where it is asked, since the
 * hop to another thread cost more than the check (src/README.md, "API").
 */
@Singleton
class TokenSignature implements ReactiveSignatureConfiguration<SignedJWT> {

    private static final Logger LOG = LoggerFactory.getLogger(TokenSignature.class);

    private final JwksKeys keys;
    private final ExecutorService blocking;
    private final DefaultJWSVerifierFactory verifiers = new DefaultJWSVerifierFactory();
    private final VerifiedSignatures verified = new VerifiedSignatures();

    TokenSignature(JwksKeys keys, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.keys = keys;
        this.blocking = blocking;
    }

    @Override
    public Publisher<Boolean> verify(SignedJWT jwt) {
        if (keys.cached(jwt.getHeader())) {
            // On subscription, failing as the executor's future would.
            return Publishers.fromCompletableFuture(() -> {
                try {
                    return CompletableFuture.completedFuture(verifies(jwt));
                } catch (RuntimeException e) {
                    return CompletableFuture.failedFuture(e);
                }
            });
        }
        return Publishers.fromCompletableFuture(() -> CompletableFuture.supplyAsync(() -> verifies(jwt), blocking));
    }

    /** Whether a key of the pool signed {@code jwt}; blocks while the key set is fetched. */
    boolean verifies(SignedJWT jwt) {
        try {
            List<Key> candidates = keys.candidates(jwt.getHeader());
            // The token as it arrived; a JWT built in memory rather than parsed has none and is always checked.
            String token = jwt.getParsedString();
            if (token != null && verified.known(token, candidates)) {
                return true;
            }
            for (Key key : candidates) {
                JWSVerifier verifier = verifiers.createJWSVerifier(jwt.getHeader(), key);
                if (jwt.verify(verifier)) {
                    if (token != null) {
                        verified.add(token, key);
                    }
                    return true;
                }
            }
            LOG.info("Token rejected: no key of {} with kid {} verifies it as {}", keys.url(),
                    jwt.getHeader().getKeyID(), jwt.getHeader().getAlgorithm());
        } catch (KeySourceException e) {
            // JwksFailureCache has logged the fetch failure itself, once.
            LOG.info("Token rejected: the signing keys cannot be had: {}",
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        } catch (JOSEException e) {
            LOG.info("Token rejected: its signature cannot be checked: {}", e.getMessage());
        }
        return false;
    }
}
