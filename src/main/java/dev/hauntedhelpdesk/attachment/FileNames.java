package dev.hauntedhelpdesk.attachment;

import java.text.Normalizer;

/**
 * Makes a client's file name safe to keep and to show: only its last path segment, letters,
 * digits, spaces and {@code . _ - ( )}, no leading dots, at most {@link #MAX_LENGTH} characters.
 * The result is only ever a label; files are stored under generated ids, never under this name.
 */
final class FileNames {

    static final int MAX_LENGTH = 120;
    static final String FALLBACK = "attachment";

    private FileNames() {
    }

    static String sanitize(String raw) {
        if (raw == null) {
            return FALLBACK;
        }
        String name = Normalizer.normalize(raw, Normalizer.Form.NFC);
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1);
        StringBuilder safe = new StringBuilder();
        name.codePoints().forEach(c -> {
            boolean allowed = Character.isLetterOrDigit(c) || c == ' ' || c == '.' || c == '_' || c == '-'
                    || c == '(' || c == ')';
            safe.appendCodePoint(allowed ? c : '_');
        });
        String cleaned = safe.toString().strip();
        int start = 0;
        while (start < cleaned.length() && cleaned.charAt(start) == '.') {
            start++;
        }
        cleaned = cleaned.substring(start).strip();
        if (cleaned.codePointCount(0, cleaned.length()) > MAX_LENGTH) {
            cleaned = cleaned.substring(0, cleaned.offsetByCodePoints(0, MAX_LENGTH)).strip();
        }
        return cleaned.isEmpty() || cleaned.chars().allMatch(c -> c == '_') ? FALLBACK : cleaned;
    }
}
