package dev.hauntedhelpdesk.attachment;

import dev.hauntedhelpdesk.contract.Multipart;
import dev.hauntedhelpdesk.contract.SampleFiles;
import dev.hauntedhelpdesk.problem.ProblemException;
import dev.hauntedhelpdesk.problem.ProblemType;
import dev.hauntedhelpdesk.request.RequestBodies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MultipartFormTest {

    private static final int LIMIT = 1000;
    private static final UploadLimits LIMITS = new UploadLimits(LIMIT, 5);

    @TempDir
    Path tempDir;

    @Test
    void read_readsFieldsAndFiles_inOrder_withUtf8NamesAndValues_andEachFilesDigest() throws Exception {
        byte[] png = SampleFiles.png(LIMIT, 1);
        Multipart form = new Multipart().ticket("Drucker kaputt", "Seit Montag — gar nichts", "high", null)
                .file("files[]", "Bildschirm ä.png", "image/png", png)
                .file("files[]", "log.txt", null, "ok".getBytes(StandardCharsets.UTF_8));

        try (MultipartForm parsed = read(form.bytes(), form.contentType(), LIMITS)) {
            assertEquals("Drucker kaputt", parsed.fields().get("title"));
            assertEquals("Seit Montag — gar nichts", parsed.fields().get("description"));
            assertEquals(2, parsed.files().size());
            MultipartForm.Upload first = parsed.files().get(0);
            assertEquals("Bildschirm ä.png", first.fileName());
            assertArrayEquals(png, Files.readAllBytes(first.content()));
            assertEquals(png.length, first.size());
            assertEquals(sha256(png), first.sha256());
            assertEquals("log.txt", parsed.files().get(1).fileName());
        }
        assertEquals(0, filesIn(tempDir), "closing the form removes its temporary files");
    }

    @Test
    void read_skipsTheEmptyNamelessPart_aBrowserSendsForABlankFileInput() {
        Multipart form = new Multipart().field("title", "t").file("files[]", "", "application/octet-stream", new byte[0]);
        try (MultipartForm parsed = read(form.bytes(), form.contentType(), LIMITS)) {
            assertEquals(0, parsed.files().size());
        }
        assertEquals(0, filesIn(tempDir));
    }

    @Test
    void read_acceptsAFileOfExactlyTheLimit_andFailsWithPayloadTooLarge_oneByteOver_leavingNoTemporaryFile() {
        Multipart atLimit = new Multipart().file("files[]", "edge.png", null, SampleFiles.png(LIMIT, 2));
        try (MultipartForm parsed = read(atLimit.bytes(), atLimit.contentType(), LIMITS)) {
            assertEquals(LIMIT, parsed.files().get(0).size());
        }
        Multipart over = new Multipart().file("files[]", "ok.png", null, SampleFiles.png(10, 3))
                .file("files[]", "big.png", null, SampleFiles.png(LIMIT + 1, 2));
        assertType(ProblemType.PAYLOAD_TOO_LARGE, () -> read(over.bytes(), over.contentType(), LIMITS));
        assertEquals(0, filesIn(tempDir), "a refused form leaves no temporary file");
    }

    @Test
    void read_failsWithTooManyFiles_onTheFirstFileBeyondTheLimit() {
        Multipart form = new Multipart();
        for (int i = 0; i < 3; i++) {
            form.file("files[]", i + ".png", null, SampleFiles.png(10, i));
        }
        assertType(ProblemType.TOO_MANY_FILES, () -> read(form.bytes(), form.contentType(), new UploadLimits(LIMIT, 2)));
        assertEquals(0, filesIn(tempDir));
    }

    @Test
    void read_failsWithPayloadTooLarge_forAFieldOverItsLimit_butTakesOneAtTheLimit() {
        String atLimit = "a".repeat(UploadLimits.MAX_FIELD_BYTES);
        Multipart ok = new Multipart().field("description", atLimit);
        try (MultipartForm parsed = read(ok.bytes(), ok.contentType(), LIMITS)) {
            assertEquals(atLimit, parsed.fields().get("description"));
        }
        Multipart over = new Multipart().field("description", atLimit + "a");
        assertType(ProblemType.PAYLOAD_TOO_LARGE, () -> read(over.bytes(), over.contentType(), LIMITS));
    }

    /** A body without a declared length (chunked) is stopped by counting while reading. */
    @Test
    void read_failsWithPayloadTooLarge_whenTheBodyPassesTheRequestLimit_withEveryPartWithinItsOwn() {
        Multipart form = new Multipart();
        for (int i = 0; i < 40; i++) {
            form.field("note" + i, "n".repeat(UploadLimits.MAX_FIELD_BYTES - 10));
        }
        form.file("files[]", "a.png", null, SampleFiles.png(100, 4));
        byte[] body = form.bytes();
        assertTrue(body.length > LIMITS.maxRequestBytes());
        assertType(ProblemType.PAYLOAD_TOO_LARGE, () -> MultipartForm.read(
                RequestBodies.limited(new ByteArrayInputStream(body), LIMITS.maxRequestBytes()),
                form.contentType(), LIMITS, tempDir));
        assertEquals(0, filesIn(tempDir));
    }

    @Test
    void read_failsWithMalformedMultipart_forTruncatedBodiesAndMissingBoundaries() {
        Multipart form = new Multipart().field("title", "t").file("files[]", "a.png", null, SampleFiles.png(500, 3));
        byte[] cut = Arrays.copyOf(form.bytes(), form.bytes().length - 60);
        assertType(ProblemType.MALFORMED_MULTIPART, () -> read(cut, form.contentType(), LIMITS));
        assertType(ProblemType.MALFORMED_MULTIPART, () -> read(form.bytes(), "multipart/form-data", LIMITS));
        assertType(ProblemType.MALFORMED_MULTIPART, () -> read(form.bytes(), "text/plain", LIMITS));
        assertType(ProblemType.MALFORMED_MULTIPART, () -> read(form.bytes(),
                "multipart/form-data; boundary=not-the-one-used", LIMITS));
        assertEquals(0, filesIn(tempDir), "a truncated file's temporary copy is removed");
    }

    /** The service's own disk failing is a 503 for it to fix, not a malformed request. */
    @Test
    void read_failsWithServiceUnavailable_whenNoTemporaryFileCanBeWritten() {
        Multipart form = new Multipart().file("files[]", "a.png", null, SampleFiles.png(100, 5));
        assertType(ProblemType.SERVICE_UNAVAILABLE, () -> MultipartForm.read(new ByteArrayInputStream(form.bytes()),
                form.contentType(), LIMITS, tempDir.resolve("gone")));
    }

    private MultipartForm read(byte[] body, String contentType, UploadLimits limits) {
        return MultipartForm.read(new ByteArrayInputStream(body), contentType, limits, tempDir);
    }

    private static long filesIn(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static void assertType(ProblemType type, org.junit.jupiter.api.function.Executable call) {
        ProblemException e = assertThrows(ProblemException.class, call);
        assertEquals(type, e.type(), e.getMessage());
    }
}
