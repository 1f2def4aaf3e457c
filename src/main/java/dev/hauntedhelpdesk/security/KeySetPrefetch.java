package dev.hauntedhelpdesk.security;

/**
 * Fetches the user pool's signing keys ahead of the requests that need them: as the application
 * starts, and again when a Lambda environment is restored from a SnapStart snapshot, whose cached
 * key set dates from the snapshot.
 */
public interface KeySetPrefetch {

    /** Fetches the key set now unless it is cached and fresh; a failure is logged, never thrown. */
    void prefetch();
}
