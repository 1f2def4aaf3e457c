package dev.hauntedhelpdesk.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.URLBasedJWKSetSource;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import dev.hauntedhelpdesk.config.HelpdeskSettings;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import java.io.Closeable;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.security.Key;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The user pool's signing keys, fetched from its JWKS URL by nimbus's {@link JWKSourceBuilder}:
 * short connect and read timeouts, a cache of {@code COGNITO_JWKS_CACHE_TTL}, a rate limit on
 * refetches (a token with an unknown {@code kid} cannot make every request fetch), and outage
 * tolerance (the last good key set is used for ten cache periods while the endpoint fails).
 * A failed fetch is remembered for {@code COGNITO_JWKS_FAILURE_CACHE} ({@link JwksFailureCache}).
 * The key set is fetched once as the application starts ({@link KeysOnStart}).
 */
@Singleton
class JwksKeys implements KeySetPrefetch {

    /** Cognito signs RS256; any RSA algorithm the key allows is accepted, as API Gateway does. */
    static final Set<JWSAlgorithm> ALGORITHMS = JWSAlgorithm.Family.RSA;
    /** A key set is a few kilobytes; a larger answer is not a key set. */
    private static final int SIZE_LIMIT = 64 * 1024;
    private static final long MAX_RATE_LIMIT_INTERVAL = 30_000;
    private static final long REFRESH_AHEAD = 30_000;
    /** How long before the cache period ends {@link #cached} stops saying so, for the checks' own time. */
    private static final long CACHED_MARGIN = 1_000;

    private final URL url;
    private final JwksFailureCache fetches;
    private final JWKSource<SecurityContext> source;
    private final JWSVerificationKeySelector<SecurityContext> selector;
    private final long cacheTtlMillis;

    JwksKeys(HelpdeskSettings settings) {
        this.url = toUrl(settings.cognito().jwksUrl().toString());
        HelpdeskSettings.Jwks jwks = settings.cognito().jwks();
        DefaultResourceRetriever retriever = new DefaultResourceRetriever(millis(jwks.connectTimeout()),
                millis(jwks.readTimeout()), SIZE_LIMIT);
        this.fetches = new JwksFailureCache(new URLBasedJWKSetSource<>(url, retriever), url, jwks.failureCache());
        long ttl = jwks.cacheTtl().toMillis();
        this.cacheTtlMillis = ttl;
        // Requests that arrive while a fetch is under way wait for it, no longer.
        long refreshWait = jwks.connectTimeout().plus(jwks.readTimeout()).plusSeconds(1).toMillis();
        JWKSourceBuilder<SecurityContext> builder = JWKSourceBuilder.create(fetches).cache(ttl, refreshWait);
        if (ttl >= REFRESH_AHEAD + refreshWait) {
            // A request in the last 30 s of the cache period refreshes it in the background
            // (not scheduled: nothing is fetched while no tokens arrive).
            builder.refreshAheadCache(REFRESH_AHEAD, false);
        } else {
            builder.refreshAheadCache(false);
        }
        this.source = builder
                .rateLimited(Math.min(MAX_RATE_LIMIT_INTERVAL, ttl / 2))
                .outageTolerant(ttl * 10)
                .retrying(false)
                .build();
        this.selector = new JWSVerificationKeySelector<>(ALGORITHMS, source);
    }

    /**
     * The public keys that may have signed a token with this header: same {@code kid}, an RSA
     * signing key, and an {@code alg} that is the header's or absent from the JWK.
     *
     * @throws KeySourceException when the key set cannot be had (endpoint down and nothing cached)
     */
    List<Key> candidates(JWSHeader header) throws KeySourceException {
        return selector.selectJWSKeys(header, null);
    }

    /**
     * Whether {@link #candidates} for this header will answer from the cache without fetching:
     * the key set was fetched within the cache period, and it has a key for the header (nimbus
     * refetches, blocking, for a header that none of the cached keys matches). A header of an
     * algorithm outside {@link #ALGORITHMS} is answered with no keys, without the key set.
     */
    boolean cached(JWSHeader header) {
        if (!ALGORITHMS.contains(header.getAlgorithm())) {
            return true;
        }
        JwksFailureCache.State last = fetches.state();
        return last.lastKeys() != null
                && System.currentTimeMillis() < last.lastSuccess().toEpochMilli() + cacheTtlMillis - CACHED_MARGIN
                && !new JWKSelector(JWKMatcher.forJWSHeader(header)).select(last.lastKeys()).isEmpty();
    }

    @Override
    public void prefetch() {
        try {
            source.get(new JWKSelector(new JWKMatcher.Builder().build()), null);
        } catch (KeySourceException e) {
            // Logged once by JwksFailureCache; the health details show it.
        }
    }

    URL url() {
        return url;
    }

    JwksFailureCache.State state() {
        return fetches.state();
    }

    @PreDestroy
    void close() throws IOException {
        if (source instanceof Closeable closeable) {
            closeable.close();
        }
    }

    private static int millis(Duration duration) {
        return Math.toIntExact(duration.toMillis());
    }

    private static URL toUrl(String url) {
        try {
            return java.net.URI.create(url).toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("JWKS URL " + url, e);
        }
    }
}
