package dev.hauntedhelpdesk.attachment;

import dev.hauntedhelpdesk.contract.SampleFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ContentSnifferTest {

    @Test
    void sniff_recognisesEachImageFormat_byItsMagicNumber() {
        assertEquals(Optional.of("image/png"), ContentSniffer.sniff(SampleFiles.png(64, 1)));
        assertEquals(Optional.of("image/jpeg"), ContentSniffer.sniff(SampleFiles.jpeg(64, 2)));
        assertEquals(Optional.of("image/gif"), ContentSniffer.sniff(SampleFiles.gif(64, 3)));
        assertEquals(Optional.of("image/gif"), ContentSniffer.sniff("GIF87a....".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(Optional.of("image/webp"), ContentSniffer.sniff(SampleFiles.webp(64, 4)));
        assertEquals(Optional.of("image/bmp"), ContentSniffer.sniff(SampleFiles.bmp(64, 5)));
    }

    @Test
    void sniff_acceptsUtf8LogText_withTabsAndLineBreaks() {
        assertEquals(Optional.of("text/plain"), ContentSniffer.sniff(
                "10:00 ERROR ünïcödé — 中文\r\n\tat Main.java:1\f".getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"nul\u0000inside", "bell\u0007", "escape\u001b[31mred", "delete\u007f", "c1\u0085control"})
    void sniff_refusesText_withControlCharacters(String text) {
        assertEquals(Optional.empty(), ContentSniffer.sniff(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void sniff_refusesInvalidUtf8_emptyFiles_andWeakOrTruncatedSignatures() {
        assertEquals(Optional.empty(), ContentSniffer.sniff(new byte[]{'l', 'o', 'g', (byte) 0xC3, '('}));
        assertEquals(Optional.empty(), ContentSniffer.sniff(new byte[0]));
        // "BM" followed by text is a log line about a car, not a bitmap.
        assertEquals(Optional.of("text/plain"), ContentSniffer.sniff("BMW service log: all good, nothing to see".getBytes(
                StandardCharsets.US_ASCII)));
        assertEquals(Optional.empty(), ContentSniffer.sniff(new byte[]{(byte) 0x89, 'P', 'N', 'G'}));
        assertEquals(Optional.empty(), ContentSniffer.sniff("RIFF\0\0\0\0WAVEfmt ".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(Optional.empty(), ContentSniffer.sniff(SampleFiles.binary(256, 6)));
    }

    /** Files are sniffed as streams: the same answers as for bytes, text decoded across read chunks. */
    @Test
    void sniff_ofAFile_answersAsForItsBytes_withTextCheckedToItsEnd(@TempDir Path dir) throws IOException {
        String longLine = "10:00 INFO ünïcödé — 中文 ".repeat(2000);
        byte[][] samples = {SampleFiles.png(64, 1), SampleFiles.jpeg(64, 2), SampleFiles.bmp(64, 5),
                longLine.getBytes(StandardCharsets.UTF_8), (longLine + "\u001b").getBytes(StandardCharsets.UTF_8),
                new byte[0], Arrays.copyOf(longLine.getBytes(StandardCharsets.UTF_8), 30_001)};
        for (byte[] sample : samples) {
            Path file = Files.write(dir.resolve("sample"), sample);
            assertEquals(ContentSniffer.sniff(sample), ContentSniffer.sniff(file), () -> sample.length + " bytes");
        }
        assertEquals(Optional.empty(), ContentSniffer.sniff(
                Files.write(dir.resolve("late"), (longLine + "\u0007").getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void sniff_ignoresWhatAScriptCallsItself() {
        assertEquals(Optional.empty(), ContentSniffer.sniff(SampleFiles.script()));
        assertEquals(Optional.of("text/plain"), ContentSniffer.sniff("<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8)));
    }
}
