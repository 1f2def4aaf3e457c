package dev.hauntedhelpdesk.security;

import java.security.Key;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The signatures already checked: which key verified which token. Checking a signature is a pure
 * function of the token's bytes and the key, so a token that a key verified is verified by that
 * key again; the RSA check (the costliest step of an authenticated request on Lambda's C1-only
 * JIT) then runs once per token, not once per request. The answer is reused only while that key
 * is still one of the token's candidates in the current key set, so a key the pool drops stops
 * verifying at once. Claims (expiry, issuer, client, token use) are not cached: they are checked
 * on every request. At most {@link #CAPACITY} tokens are kept, the least recently used dropped.
 */
final class VerifiedSignatures {

    static final int CAPACITY = 512;

    private final Map<String, Key> verified = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Key> eldest) {
            return size() > CAPACITY;
        }
    };

    /** Whether {@code token} was verified before by one of {@code candidates}. */
    synchronized boolean known(String token, List<Key> candidates) {
        Key key = verified.get(token);
        return key != null && candidates.contains(key);
    }

    /** Records that {@code key} verified {@code token}. */
    synchronized void add(String token, Key key) {
        verified.put(Objects.requireNonNull(token, "token"), Objects.requireNonNull(key, "key"));
    }

    synchronized int size() {
        return verified.size();
    }
}
