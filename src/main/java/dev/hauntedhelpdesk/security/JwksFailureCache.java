package dev.hauntedhelpdesk.security;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.jwk.source.JWKSetSourceWrapper;
import com.nimbusds.jose.jwk.source.JWKSetUnavailableException;
import com.nimbusds.jose.proc.SecurityContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;

/**
 * Remembers a failed fetch of the key set for a while and answers every fetch meanwhile with
 * the same failure at once. Nimbus's rate limiter still lets a second fetch through in each of
 * its intervals, so without this a black-holed endpoint would hold a second request for the
 * whole read timeout. It sits under the outage-tolerant layer, so the last good key set keeps
 * being served while the failure is remembered. Each real failure is logged once as a WARN,
 * which is therefore at most once per failure period.
 */
final class JwksFailureCache extends JWKSetSourceWrapper<SecurityContext> {

    private static final Logger LOG = LoggerFactory.getLogger(JwksFailureCache.class);

    /**
     * The endpoint's state as the last real fetch left it, for the health report and for
     * {@link JwksKeys#cached}; {@code lastFetchNanos} is how long that fetch took, success or
     * failure (-1 before any). {@code lastKeys} is the set the last success brought, and
     * {@code lastSuccess} the time nimbus passed down with that fetch ({@code currentTime}),
     * which is the time its cache above keeps the set from.
     */
    record State(Instant lastSuccess, Instant lastFailure, String lastError, long lastFetchNanos, JWKSet lastKeys) {
    }

    private final URL url;
    private final long failureMillis;
    private volatile State state = new State(null, null, null, -1, null);
    private volatile long failedUntil = Long.MIN_VALUE;
    private volatile JWKSetUnavailableException failure;

    JwksFailureCache(JWKSetSource<SecurityContext> source, URL url, Duration failureCache) {
        super(source);
        this.url = url;
        this.failureMillis = failureCache.toMillis();
    }

    @Override
    public JWKSet getJWKSet(JWKSetCacheRefreshEvaluator refreshEvaluator, long currentTime, SecurityContext context)
            throws KeySourceException {
        JWKSetUnavailableException cached = failure;
        if (cached != null && currentTime < failedUntil) {
            throw new JWKSetUnavailableException("JWKS fetch from " + url + " failed recently (" + cached.getMessage()
                    + "); not retried before " + Instant.ofEpochMilli(failedUntil), cached);
        }
        long started = System.nanoTime();
        try {
            JWKSet keys = getSource().getJWKSet(refreshEvaluator, currentTime, context);
            if (failure != null) {
                LOG.info("JWKS fetch from {} succeeded again ({} keys)", url, keys.size());
            }
            failure = null;
            state = new State(Instant.ofEpochMilli(currentTime), state.lastFailure(), state.lastError(),
                    System.nanoTime() - started, keys);
            return keys;
        } catch (JWKSetUnavailableException e) {
            failure = e;
            failedUntil = currentTime + failureMillis;
            String cause = describe(e);
            state = new State(state.lastSuccess(), Instant.ofEpochMilli(currentTime), cause,
                    System.nanoTime() - started, state.lastKeys());
            LOG.warn("JWKS fetch from {} failed: {}. Tokens whose key is not cached are refused; "
                    + "the endpoint is tried again in {} s", url, cause, failureMillis / 1000);
            throw e;
        }
    }

    State state() {
        return state;
    }

    /** The exception's message and its root cause's, such as {@code Read timed out}. */
    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? e.getMessage() : e.getMessage() + " (" + root.getClass().getSimpleName() + ": "
                + root.getMessage() + ")";
    }
}
