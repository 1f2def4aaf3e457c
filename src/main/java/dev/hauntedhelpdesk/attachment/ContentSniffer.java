package dev.hauntedhelpdesk.attachment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Decides what a file is from its bytes alone: the magic numbers of the five accepted image
 * formats, or plain text (valid UTF-8 without NULs or other control characters but tab, line
 * feed, carriage return and form feed). Names and declared types are never consulted, so a
 * script renamed to {@code .png} or sent as {@code image/png} is still refused.
 */
final class ContentSniffer {

    static final String PNG = "image/png";
    static final String JPEG = "image/jpeg";
    static final String GIF = "image/gif";
    static final String WEBP = "image/webp";
    static final String BMP = "image/bmp";
    static final String TEXT = "text/plain";

    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] GIF87 = {'G', 'I', 'F', '8', '7', 'a'};
    private static final byte[] GIF89 = {'G', 'I', 'F', '8', '9', 'a'};
    private static final byte[] RIFF = {'R', 'I', 'F', 'F'};
    private static final byte[] WEBP_TAG = {'W', 'E', 'B', 'P'};
    /** BMP's DIB header sizes (CORE, INFO, V2, V3, OS/2 v2, V4, V5); "BM" alone is too weak a sign. */
    private static final int[] BMP_DIB_SIZES = {12, 40, 52, 56, 64, 108, 124};
    /** Enough of a file's start for every magic number above (BMP's DIB size ends at byte 18). */
    private static final int HEAD_BYTES = 32;

    private ContentSniffer() {
    }

    /** The media type of {@code bytes}, or empty when they are none of the accepted kinds. */
    static Optional<String> sniff(byte[] bytes) {
        return sniff(bytes, () -> new ByteArrayInputStream(bytes));
    }

    /**
     * The media type of the file's bytes, read as a stream: the magic numbers from its first
     * bytes, and for text the whole file decoded as it is read, never loaded at once.
     */
    static Optional<String> sniff(Path file) {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(HEAD_BYTES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sniff(head, () -> Files.newInputStream(file));
    }

    private static Optional<String> sniff(byte[] bytes, Content content) {
        if (startsWith(bytes, 0, PNG_MAGIC)) {
            return Optional.of(PNG);
        }
        if (startsWith(bytes, 0, JPEG_MAGIC)) {
            return Optional.of(JPEG);
        }
        if (startsWith(bytes, 0, GIF87) || startsWith(bytes, 0, GIF89)) {
            return Optional.of(GIF);
        }
        if (bytes.length >= 12 && startsWith(bytes, 0, RIFF) && startsWith(bytes, 8, WEBP_TAG)) {
            return Optional.of(WEBP);
        }
        if (isBmp(bytes)) {
            return Optional.of(BMP);
        }
        if (bytes.length > 0 && isPlainText(content)) {
            return Optional.of(TEXT);
        }
        return Optional.empty();
    }

    /** Where the whole content can be read from, once per call. */
    @FunctionalInterface
    private interface Content {
        InputStream open() throws IOException;
    }

    /** True for the image types, the ones a vision model can read. */
    static boolean isImage(String mediaType) {
        return mediaType.startsWith("image/");
    }

    private static boolean isBmp(byte[] b) {
        if (b.length < 26 || b[0] != 'B' || b[1] != 'M') {
            return false;
        }
        int dibSize = (b[14] & 0xFF) | (b[15] & 0xFF) << 8 | (b[16] & 0xFF) << 16 | (b[17] & 0xFF) << 24;
        for (int size : BMP_DIB_SIZES) {
            if (size == dibSize) {
                return true;
            }
        }
        return false;
    }

    /** Valid UTF-8 without forbidden controls, decoded in chunks (every forbidden control is a single char). */
    private static boolean isPlainText(Content content) {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        char[] chunk = new char[8192];
        try (Reader reader = new InputStreamReader(content.open(), decoder)) {
            for (int n = reader.read(chunk); n >= 0; n = reader.read(chunk)) {
                for (int i = 0; i < n; i++) {
                    if (isForbiddenControl(chunk[i])) {
                        return false;
                    }
                }
            }
            return true;
        } catch (CharacterCodingException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isForbiddenControl(int c) {
        return Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r' && c != '\f';
    }

    private static boolean startsWith(byte[] bytes, int offset, byte[] prefix) {
        if (bytes.length < offset + prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[offset + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
