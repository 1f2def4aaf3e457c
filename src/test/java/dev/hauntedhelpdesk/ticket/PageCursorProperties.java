package dev.hauntedhelpdesk.ticket;

import dev.hauntedhelpdesk.problem.InvalidParameterException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class PageCursorProperties {

    @Property
    void decode_returnsTheSameCursor_forEveryEncodedCreatedKey(@ForAll("createdKeys") String createdKey) {
        PageCursor cursor = new PageCursor(createdKey);
        String encoded = cursor.encode();
        assertTrue(encoded.matches("[A-Za-z0-9_-]+"), "not URL-safe without padding: " + encoded);
        assertEquals(cursor, PageCursor.decode(encoded));
        assertEquals(encoded, PageCursor.decode(encoded).encode());
    }

    @Property
    void ticketId_isTheUuidAfterTheHash(@ForAll("instants") Instant created, @ForAll("uuids") UUID id) {
        assertEquals(id.toString(), new PageCursor(Timestamps.format(created) + "#" + id).ticketId());
    }

    @Property
    void decode_returnsACanonicalCursorOrRejects_forArbitraryStrings(@ForAll String anything) {
        assertCanonicalOrRejected(anything);
    }

    @Property
    void decode_returnsACanonicalCursorOrRejects_forUrlSafeBase64Alphabet(@ForAll("base64ish") String anything) {
        assertCanonicalOrRejected(anything);
    }

    @Property
    void decode_returnsACanonicalCursorOrRejects_forEncodingsOfNearlyValidKeys(@ForAll("nearKeys") String key) {
        String cursor = Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
        assertCanonicalOrRejected(cursor);
    }

    /**
     * A cursor is only ever one string: a client that tampers with it (padding, flipped trailing bits,
     * extra characters) must get a 400, not a page that starts at an equivalent key.
     */
    @Property
    void decode_returnsACanonicalCursorOrRejects_forTamperedCursors(
            @ForAll("createdKeys") String createdKey, @ForAll("tampering") int how) {
        String encoded = new PageCursor(createdKey).encode();
        String tampered = switch (how) {
            case 0 -> encoded + "==";
            case 1 -> encoded + "=";
            case 2 -> encoded.substring(0, encoded.length() - 1)
                    + (char) (encoded.charAt(encoded.length() - 1) + 1);
            case 3 -> encoded + "A";
            case 4 -> encoded.substring(0, encoded.length() - 1);
            case 5 -> encoded.replace('-', '+').replace('_', '/');
            case 6 -> " " + encoded;
            default -> throw new IllegalStateException();
        };
        assertCanonicalOrRejected(tampered);
    }

    @Example
    void decode_rejectsAKeyWithoutATicketId() {
        assertThrows(InvalidParameterException.class, () -> PageCursor.decode(encode("2024-01-01T00:00:00.000Z#")));
    }

    @Example
    void decode_rejectsAnotherRequestersPartitionKeyDressedAsACursor() {
        assertThrows(InvalidParameterException.class,
                () -> PageCursor.decode(encode("REQUESTER#bob#2024-01-01T00:00:00.000Z#" + UUID.randomUUID())));
    }

    @Example
    void decode_rejectsStandardBase64Alphabet_andTheEmptyString() {
        assertThrows(InvalidParameterException.class, () -> PageCursor.decode("ab+/"));
        assertThrows(InvalidParameterException.class, () -> PageCursor.decode(""));
    }

    private static void assertCanonicalOrRejected(String cursor) {
        PageCursor decoded;
        try {
            decoded = PageCursor.decode(cursor);
        } catch (InvalidParameterException e) {
            return;
        } catch (RuntimeException e) {
            fail("decode(\"" + cursor + "\") threw " + e + " instead of InvalidParameterException", e);
            return;
        }
        assertEquals(cursor, decoded.encode(), "decode accepted a non-canonical cursor");
    }

    private static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    @Provide
    Arbitrary<Instant> instants() {
        return TicketArbitraries.instants();
    }

    @Provide
    Arbitrary<UUID> uuids() {
        return TicketArbitraries.uuids();
    }

    @Provide
    Arbitrary<String> createdKeys() {
        return Combinators.combine(instants(), uuids()).as((at, id) -> Timestamps.format(at) + "#" + id);
    }

    @Provide
    Arbitrary<Integer> tampering() {
        return Arbitraries.integers().between(0, 6);
    }

    @Provide
    Arbitrary<String> base64ish() {
        return Arbitraries.strings()
                .withCharRange('A', 'Z').withCharRange('a', 'z').withCharRange('0', '9').withChars('-', '_', '=')
                .ofMaxLength(100);
    }

    /** Created keys with one character replaced, inserted or removed. */
    @Provide
    Arbitrary<String> nearKeys() {
        return Combinators.combine(createdKeys(), Arbitraries.integers().between(0, 60),
                        Arbitraries.of('0', 'a', 'A', 'g', '#', ':', '.', 'Z', 'T', '-', ' ', '\n', 'é'),
                        Arbitraries.integers().between(0, 2))
                .as((key, at, c, op) -> {
                    int i = Math.min(at, key.length() - 1);
                    return switch (op) {
                        case 0 -> key.substring(0, i) + c + key.substring(i + 1);
                        case 1 -> key.substring(0, i) + c + key.substring(i);
                        default -> key.substring(0, i) + key.substring(i + 1);
                    };
                });
    }
}
