package dev.hauntedhelpdesk.security;

import org.junit.jupiter.api.Test;

import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.spec.X509EncodedKeySpec;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VerifiedSignaturesTest {

    private final Key key = rsaKey();
    private final Key otherKey = rsaKey();

    @Test
    void aTokenIsKnown_onlyAfterAKeyVerifiedIt() {
        VerifiedSignatures verified = new VerifiedSignatures();

        assertFalse(verified.known("token", List.of(key)));
        verified.add("token", key);

        assertTrue(verified.known("token", List.of(otherKey, key)));
        assertFalse(verified.known("another token", List.of(key)));
    }

    @Test
    void aTokenIsNoLongerKnown_whenItsKeyIsNoCandidate() {
        VerifiedSignatures verified = new VerifiedSignatures();
        verified.add("token", key);

        assertFalse(verified.known("token", List.of(otherKey)), "the key set no longer has the key");
        assertFalse(verified.known("token", List.of()), "no key for the token's kid");
    }

    @Test
    void theKeyIsComparedByValue_asTheKeySetRebuildsItsKeysOnEveryLookup() throws Exception {
        VerifiedSignatures verified = new VerifiedSignatures();
        verified.add("token", key);
        Key sameKey = KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(key.getEncoded()));

        assertTrue(verified.known("token", List.of(sameKey)));
    }

    @Test
    void atMostCapacityTokensAreKept_theLeastRecentlyUsedDropped() {
        VerifiedSignatures verified = new VerifiedSignatures();
        verified.add("first", key);
        verified.add("second", key);
        for (int i = 0; i < VerifiedSignatures.CAPACITY - 2; i++) {
            verified.add("token " + i, key);
        }
        assertTrue(verified.known("first", List.of(key)), "used now, so not the eldest");

        verified.add("one more", key);

        assertEquals(VerifiedSignatures.CAPACITY, verified.size());
        assertFalse(verified.known("second", List.of(key)), "the least recently used is dropped");
        assertTrue(verified.known("first", List.of(key)));
        assertTrue(verified.known("one more", List.of(key)));
    }

    private static Key rsaKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair().getPublic();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
