package dev.hauntedhelpdesk.triage;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PreferencesTest {

    @Test
    void parse_readsRespondAsyncAndWait_asRfc7240WritesThem() {
        assertEquals(new Preferences(false, Optional.empty()), Preferences.parse(null));
        assertEquals(new Preferences(true, Optional.of(Duration.ofSeconds(10))),
                Preferences.parse("Respond-Async, wait=10"));
        assertEquals(new Preferences(false, Optional.of(Duration.ofSeconds(5))),
                Preferences.parse("handling=lenient; x=1, WAIT = \"5\""));
        assertEquals(new Preferences(false, Optional.of(Duration.ZERO)), Preferences.parse("wait=0"));
    }

    @Test
    void parse_takesTheFirstWait_andIgnoresMalformedOnes() {
        assertEquals(Optional.of(Duration.ofSeconds(3)), Preferences.parse("wait=3, wait=9").waitFor());
        assertEquals(Optional.empty(), Preferences.parse("wait=-1").waitFor());
        assertEquals(Optional.empty(), Preferences.parse("wait=1.5").waitFor());
        assertEquals(Optional.empty(), Preferences.parse("wait").waitFor());
        assertEquals(Optional.of(Duration.ofSeconds(999_999_999)), Preferences.parse("wait=99999999999999").waitFor());
    }
}
