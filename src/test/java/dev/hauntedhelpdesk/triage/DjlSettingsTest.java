package dev.hauntedhelpdesk.triage;

import ai.djl.util.Utils;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** DJL itself, asked the way its call-home and download code asks, sees the opt-out once the embedder class loads. */
class DjlSettingsTest {

    @Test
    void loadingTheEmbedder_optsDjlOutOfTelemetryAndDownloads() throws ClassNotFoundException {
        Class.forName(MiniLmEmbedder.class.getName(), true, DjlSettingsTest.class.getClassLoader());

        assertEquals("true", Utils.getEnvOrSystemProperty("OPT_OUT_TRACKING"), "Ec2Utils.callHome's switch");
        assertTrue(Utils.isOfflineMode(), "the switch that keeps DJL from downloading native libraries");
    }
}
