package dev.hauntedhelpdesk.contract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hauntedhelpdesk.testing.AttachmentStores;
import dev.hauntedhelpdesk.testing.BackendProperties;
import dev.hauntedhelpdesk.testing.CognitoPool;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;
import net.jqwik.api.statistics.Statistics;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static dev.hauntedhelpdesk.contract.TicketApiContract.assertProblem;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * For any byte payload, declared type and file name, an upload through the running API is either
 * rejected with the problem type its bytes call for and nothing stored, or stored and read back
 * byte-identical, with a type its bytes support and a harmless name. Payloads built as images or
 * clean text must be accepted with exactly that type, and text with control characters or a file
 * over the limit must be refused, so the property cannot hold by refusing (or accepting) everything.
 * Each runtime module runs it through its own runtime.
 */
public abstract class AttachmentUploadProperty {

    private static final int MAX_MB = 1;
    private static final long MAX_BYTES = MAX_MB * 1024L * 1024L;
    /** Start a new ticket long before one reaches the service's per-ticket cap. */
    private static final int FILES_PER_TICKET = 50;
    private static final String ANY = "any";
    private static final String REFUSED = "refused";

    private ServerUnderTest server;
    private Api api;
    private AttachmentStores store;
    private String ticketId;
    private int filesOnTicket;

    protected abstract RuntimeUnderTest runtime();

    protected abstract AttachmentStores attachmentStore();

    /** Bytes and what their construction promises: a media type, "refused", or "any" outcome. */
    record Payload(byte[] bytes, String kind) {
        @Override
        public String toString() {
            return kind + " (" + bytes.length + " bytes)";
        }
    }

    @BeforeProperty
    void startServer() {
        store = attachmentStore();
        Map<String, Object> properties = BackendProperties.forApp(BackendProperties.uniqueTableName());
        properties.put("helpdesk.max-upload-size-mb", Integer.toString(MAX_MB));
        properties.putAll(store.properties());
        server = runtime().start(properties);
        api = new Api(server, CognitoPool.shared());
    }

    @AfterProperty
    void stopServer() {
        server.close();
    }

    @Property(tries = 100)
    void uploadIsRejectedLeavingNothing_orStoredAndReadBackByteIdentical(
            @ForAll("payloads") Payload payload, @ForAll("declaredTypes") String declaredType,
            @ForAll("fileNames") String fileName) {
        String ticket = ticket();
        Set<String> keysBefore = store.keys();
        int attachmentsBefore = attachments(ticket).size();

        ApiResponse response = api.as("alice", new Multipart()
                .file("files[]", fileName, declaredType.isEmpty() ? null : declaredType, payload.bytes())
                .to("POST", "/api/tickets/" + ticket + "/attachments"));

        if (payload.bytes().length == 0 && (fileName.isEmpty() || response.status() == 422)) {
            // What a browser sends for a file input left blank: no file at all. A name the
            // multipart parser reads as empty (blank, or not encodable in the header) looks the same.
            assertProblem(response, 422, "validation-failed");
            assertEquals(keysBefore, store.keys());
            Statistics.label("outcome").collect("blank file input");
            return;
        }
        if (response.status() != 200) {
            boolean tooLarge = payload.bytes().length > MAX_BYTES;
            assertProblem(response, tooLarge ? 413 : 415, tooLarge ? "payload-too-large" : "unsupported-media-type");
            assertTrue(payload.kind().equals(ANY) || payload.kind().equals(REFUSED),
                    () -> "a " + payload.kind() + " payload was refused: " + response);
            assertEquals(keysBefore, store.keys(), "a refused upload left bytes behind");
            assertEquals(attachmentsBefore, attachments(ticket).size(), "a refused upload was recorded");
            Statistics.label("outcome").collect("refused " + response.status());
            return;
        }
        filesOnTicket++;
        assertFalse(payload.kind().equals(REFUSED), () -> "a payload that must be refused was stored: " + response);
        JsonNode files = response.json().get("attachments");
        assertEquals(attachmentsBefore + 1, files.size());
        JsonNode stored = files.get(files.size() - 1);
        String type = stored.get("content_type").asText();
        if (!payload.kind().equals(ANY)) {
            assertEquals(payload.kind(), type);
        }
        assertTrue(supportedBy(payload.bytes(), type), () -> type + " is not what the bytes are");
        String name = stored.get("file_name").asText();
        assertFalse(name.isEmpty() || name.contains("/") || name.contains("\\") || name.startsWith(".")
                || name.chars().anyMatch(Character::isISOControl), name);
        Set<String> added = new HashSet<>(store.keys());
        added.removeAll(keysBefore);
        assertEquals(Set.of("attachments/" + stored.get("attachment_id").asText()), added);

        Downloads.Download download = Downloads.get(api, "alice",
                "/api/tickets/" + ticket + "/attachments/" + stored.get("attachment_id").asText());
        assertEquals(200, download.status(), download::toString);
        assertTrue(download.contentType().startsWith(type), download::toString);
        assertArrayEquals(payload.bytes(), download.bytes());
        Statistics.label("outcome").collect("stored " + type);
    }

    @Provide
    Arbitrary<Payload> payloads() {
        Arbitrary<byte[]> tails = Arbitraries.bytes().array(byte[].class).ofMaxSize(2000);
        Arbitrary<String> clean = Arbitraries.strings().withCharRange(' ', '~').withChars('\n', '\t', '\r', 'é', 'ß',
                '—', '€', '中', '\u00a0').ofMinLength(1).ofMaxLength(1500);
        Arbitrary<Character> controls = Arbitraries.chars().with('\u0000', '\u0001', '\u0007', '\u0008', '\u000b',
                '\u001b', '\u007f', '\u0085');
        return Arbitraries.frequencyOf(
                Tuple.of(3, tails.map(b -> new Payload(b, ANY))),
                Tuple.of(1, tails.map(t -> image(t, "image/png", (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'))),
                Tuple.of(1, tails.map(t -> image(t, "image/jpeg", (byte) 0xFF, (byte) 0xD8, (byte) 0xFF))),
                Tuple.of(1, tails.map(t -> image(t, "image/gif", 'G', 'I', 'F', '8', '9', 'a'))),
                Tuple.of(1, tails.map(t -> image(t, "image/webp", 'R', 'I', 'F', 'F', 1, 2, 3, 4, 'W', 'E', 'B', 'P'))),
                Tuple.of(1, tails.map(t -> image(t, "image/bmp", 'B', 'M', 0, 0, 0, 0, 0, 0, 0, 0, 26, 0, 0, 0,
                        40, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0))),
                // The "log " prefix keeps generated text from starting like an image by chance.
                Tuple.of(2, clean.map(s -> new Payload(utf8("log " + s), "text/plain"))),
                Tuple.of(2, Combinators.combine(clean, controls, clean)
                        .as((a, c, b) -> new Payload(utf8("log " + a + c + b), REFUSED))),
                Tuple.of(1, Arbitraries.integers().between(1, 1000).map(extra -> {
                    byte[] big = new byte[(int) MAX_BYTES + extra];
                    Arrays.fill(big, (byte) 'a');
                    return new Payload(big, REFUSED);
                })));
    }

    @Provide
    Arbitrary<String> declaredTypes() {
        return Arbitraries.oneOf(
                Arbitraries.of("", "image/png", "image/jpeg", "text/plain", "image/svg+xml", "text/html",
                        "application/octet-stream", "application/x-msdownload"),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(20).map(s -> "x-" + s + "/" + s));
    }

    @Provide
    Arbitrary<String> fileNames() {
        return Arbitraries.oneOf(
                Arbitraries.of("screen.png", "../../etc/passwd", "..\\..\\boot.ini", "/var/log/x.log", "..", ".",
                        "", ".htaccess", "a/b/c/../../d.png", "C:\\Users\\me\\Desktop\\shot.png", "\"q\".png",
                        "line\r\nbreak.log", "nul\u0000byte.png"),
                Arbitraries.strings().all().ofMaxLength(300));
    }

    private String ticket() {
        if (ticketId == null || filesOnTicket >= FILES_PER_TICKET) {
            ApiResponse created = api.create("alice", "Property ticket", "low");
            assertEquals(201, created.status(), created::toString);
            ticketId = created.json().get("ticket_id").asText();
            filesOnTicket = 0;
        }
        return ticketId;
    }

    private JsonNode attachments(String ticket) {
        ApiResponse response = api.as("alice", ApiRequest.of("GET", "/api/tickets/" + ticket));
        assertEquals(200, response.status(), response::toString);
        return response.json().get("attachments");
    }

    private static Payload image(byte[] tail, String type, int... header) {
        byte[] bytes = new byte[header.length + tail.length];
        for (int i = 0; i < header.length; i++) {
            bytes[i] = (byte) header[i];
        }
        System.arraycopy(tail, 0, bytes, header.length, tail.length);
        return new Payload(bytes, type);
    }

    /** A deliberately simpler reading of the formats than the service's, as an independent check. */
    private static boolean supportedBy(byte[] b, String type) {
        return switch (type) {
            case "image/png" -> b.length >= 4 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
            case "image/jpeg" -> b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8;
            case "image/gif" -> b.length >= 4 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8';
            case "image/webp" -> b.length >= 12 && b[0] == 'R' && b[8] == 'W' && b[9] == 'E' && b[10] == 'B';
            case "image/bmp" -> b.length >= 2 && b[0] == 'B' && b[1] == 'M';
            case "text/plain" -> isUtf8WithoutNul(b);
            default -> false;
        };
    }

    private static boolean isUtf8WithoutNul(byte[] b) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(b));
        } catch (CharacterCodingException e) {
            return false;
        }
        for (byte x : b) {
            if (x == 0) {
                return false;
            }
        }
        return true;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
