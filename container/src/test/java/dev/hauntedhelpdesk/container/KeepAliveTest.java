package dev.hauntedhelpdesk.container;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class KeepAliveTest {

    private String before;

    @BeforeEach
    void remember() {
        before = System.getProperty(KeepAlive.PROPERTY);
        System.clearProperty(KeepAlive.PROPERTY);
    }

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(KeepAlive.PROPERTY);
        } else {
            System.setProperty(KeepAlive.PROPERTY, before);
        }
    }

    @Test
    void raisesTheJdkDefaultOfFiveIdleConnectionsPerHost() {
        KeepAlive.configure();

        assertEquals("50", System.getProperty(KeepAlive.PROPERTY));
    }

    @Test
    void keepsAValueSetOnTheCommandLine() {
        System.setProperty(KeepAlive.PROPERTY, "12");

        KeepAlive.configure();

        assertEquals("12", System.getProperty(KeepAlive.PROPERTY));
    }
}
