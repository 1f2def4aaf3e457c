package dev.hauntedhelpdesk.attachment;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FileNamesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "screen.png|screen.png",
            "../../../etc/passwd|passwd",
            "..\\..\\windows\\win.ini|win.ini",
            "C:\\Users\\me\\shot.png|shot.png",
            "/var/log/syslog|syslog",
            "..|attachment",
            ".htaccess|htaccess",
            "...hidden...|hidden...",
            "name with spaces (1).log|name with spaces (1).log",
            "Bildschirmfoto äöü 中文.png|Bildschirmfoto äöü 中文.png",
            "semi;colon:star*.png|semi_colon_star_.png",
            "<script>.png|_script_.png",
            "a/b/|attachment",
            "''|attachment"})
    void sanitize_keepsOnlyASafeLastSegment(String raw, String expected) {
        assertEquals(expected, FileNames.sanitize(raw));
    }

    @Test
    void sanitize_replacesControlCharacters_andBoundsTheLength() {
        assertEquals("line__break_nul_.log", FileNames.sanitize("line\r\nbreak\u0000nul\u0007.log"));
        assertEquals(FileNames.MAX_LENGTH, FileNames.sanitize("x".repeat(1000)).length());
        assertEquals(FileNames.FALLBACK, FileNames.sanitize(null));
    }
}
