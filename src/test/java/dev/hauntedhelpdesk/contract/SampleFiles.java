package dev.hauntedhelpdesk.contract;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/** Small files of each accepted kind (real headers, random payload) and some that must be refused. */
public final class SampleFiles {

    private SampleFiles() {
    }

    public static byte[] png(int size, long seed) {
        return withHeader(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, size, seed);
    }

    public static byte[] jpeg(int size, long seed) {
        return withHeader(new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}, size, seed);
    }

    public static byte[] gif(int size, long seed) {
        return withHeader("GIF89a".getBytes(StandardCharsets.US_ASCII), size, seed);
    }

    public static byte[] webp(int size, long seed) {
        byte[] bytes = withHeader("RIFF".getBytes(StandardCharsets.US_ASCII), Math.max(size, 12), seed);
        System.arraycopy("WEBP".getBytes(StandardCharsets.US_ASCII), 0, bytes, 8, 4);
        return bytes;
    }

    public static byte[] bmp(int size, long seed) {
        byte[] bytes = withHeader("BM".getBytes(StandardCharsets.US_ASCII), Math.max(size, 26), seed);
        bytes[14] = 40;
        bytes[15] = 0;
        bytes[16] = 0;
        bytes[17] = 0;
        return bytes;
    }

    public static byte[] log(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A shell script: text, but with the ESC/BEL controls of a terminal payload, so never plain text. */
    public static byte[] script() {
        return "#!/bin/sh\n\u001b]0;owned\u0007rm -rf /\n".getBytes(StandardCharsets.UTF_8);
    }

    /** Every byte value, NULs included: neither an image nor text. */
    public static byte[] binary(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        bytes[0] = 0x7F;
        bytes[1] = 0;
        return bytes;
    }

    private static byte[] withHeader(byte[] header, int size, long seed) {
        byte[] bytes = new byte[Math.max(size, header.length)];
        new Random(seed).nextBytes(bytes);
        System.arraycopy(header, 0, bytes, 0, header.length);
        return bytes;
    }
}
