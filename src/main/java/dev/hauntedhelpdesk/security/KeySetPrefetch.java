package dev.hauntedhelpdesk.security;

/**
 * Fetches the user pool's signing keys ahead of the requests that need them: as the application
 * starts, and again when a Lambda environment is restored from a SnapStart snapshot, whose cached
 * key set dates from the snapshot.
 */
public interface KeySetPrefetch {

    /**
     * Set to {@code false} where the application serves no request that carries a token (the
     * triage function, which consumes a queue): the keys are then fetched neither at start nor
     * after a SnapStart restore, so its cold starts never call the pool's JWKS endpoint.
     */
    String ON_START = "helpdesk.jwks.prefetch-on-start";

    /** Fetches the key set now unless it is cached and fresh; a failure is logged, never thrown. */
    void prefetch();
}
