package dev.hauntedhelpdesk.attachment;

import dev.hauntedhelpdesk.contract.Multipart;
import dev.hauntedhelpdesk.contract.SampleFiles;
import dev.hauntedhelpdesk.web.ProblemException;
import dev.hauntedhelpdesk.web.ProblemType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MultipartFormTest {

    private static final int LIMIT = 1000;

    @Test
    void parse_readsFieldsAndFiles_inOrder_withUtf8NamesAndValues() {
        byte[] png = SampleFiles.png(LIMIT, 1);
        Multipart form = new Multipart().ticket("Drucker kaputt", "Seit Montag — gar nichts", "high", null)
                .file("files[]", "Bildschirm ä.png", "image/png", png)
                .file("files[]", "log.txt", null, "ok".getBytes(StandardCharsets.UTF_8));

        MultipartForm parsed = MultipartForm.parse(form.bytes(), form.contentType(), LIMIT, 5);

        assertEquals("Drucker kaputt", parsed.fields().get("title"));
        assertEquals("Seit Montag — gar nichts", parsed.fields().get("description"));
        assertEquals(2, parsed.files().size());
        assertEquals("Bildschirm ä.png", parsed.files().get(0).fileName());
        assertArrayEquals(png, parsed.files().get(0).content());
        assertEquals("log.txt", parsed.files().get(1).fileName());
    }

    @Test
    void parse_skipsTheEmptyNamelessPart_aBrowserSendsForABlankFileInput() {
        Multipart form = new Multipart().field("title", "t").file("files[]", "", "application/octet-stream", new byte[0]);
        assertEquals(0, MultipartForm.parse(form.bytes(), form.contentType(), LIMIT, 5).files().size());
    }

    @Test
    void parse_failsWithPayloadTooLarge_oneByteOverTheLimit() {
        Multipart form = new Multipart().file("files[]", "big.png", null, SampleFiles.png(LIMIT + 1, 2));
        assertType(ProblemType.PAYLOAD_TOO_LARGE, () -> MultipartForm.parse(form.bytes(), form.contentType(), LIMIT, 5));
    }

    @Test
    void parse_failsWithTooManyFiles_onTheFirstFileBeyondTheLimit() {
        Multipart form = new Multipart();
        for (int i = 0; i < 3; i++) {
            form.file("files[]", i + ".png", null, SampleFiles.png(10, i));
        }
        assertType(ProblemType.TOO_MANY_FILES, () -> MultipartForm.parse(form.bytes(), form.contentType(), LIMIT, 2));
    }

    @Test
    void parse_failsWithMalformedMultipart_forTruncatedBodiesAndMissingBoundaries() {
        Multipart form = new Multipart().field("title", "t").file("files[]", "a.png", null, SampleFiles.png(500, 3));
        byte[] cut = Arrays.copyOf(form.bytes(), form.bytes().length - 60);
        assertType(ProblemType.MALFORMED_MULTIPART, () -> MultipartForm.parse(cut, form.contentType(), LIMIT, 5));
        assertType(ProblemType.MALFORMED_MULTIPART, () -> MultipartForm.parse(form.bytes(), "multipart/form-data", LIMIT, 5));
        assertType(ProblemType.MALFORMED_MULTIPART, () -> MultipartForm.parse(form.bytes(), "text/plain", LIMIT, 5));
    }

    private static void assertType(ProblemType type, org.junit.jupiter.api.function.Executable call) {
        ProblemException e = assertThrows(ProblemException.class, call);
        assertEquals(type, e.type(), e.getMessage());
    }
}
