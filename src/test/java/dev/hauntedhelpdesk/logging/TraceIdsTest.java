package dev.hauntedhelpdesk.logging;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TraceIdsTest {

    private static final String ROOT = "1-5759e988-bd862e3fe1be46a994272793";
    private static final String W3C = "4bf92f3577b34da6a3ce929d0e0e4736";

    @Test
    void amzn_takesTheRoot_whereverItStandsInTheHeader() {
        assertEquals(Optional.of(ROOT), TraceIds.amzn("Root=" + ROOT));
        assertEquals(Optional.of(ROOT), TraceIds.amzn("Root=" + ROOT + ";Parent=53995c3f42cd8ad8;Sampled=1"));
        // The ALB puts its own segment first when the request already had a trace.
        assertEquals(Optional.of(ROOT), TraceIds.amzn("Self=1-67891233-12456789abcdef012345678;Root=" + ROOT));
    }

    @Test
    void amzn_refusesWhatIsNotARoot() {
        assertEquals(Optional.empty(), TraceIds.amzn(null));
        assertEquals(Optional.empty(), TraceIds.amzn("Parent=53995c3f42cd8ad8"));
        assertEquals(Optional.empty(), TraceIds.amzn("Root=1-evil\"}"));
        assertEquals(Optional.empty(), TraceIds.amzn("Root=" + ROOT + "x"));
        assertEquals(Optional.empty(), TraceIds.amzn("NotRoot=" + ROOT));
    }

    @Test
    void w3c_takesTheTraceId_ofAValidTraceparentOnly() {
        assertEquals(Optional.of(W3C), TraceIds.w3c("00-" + W3C + "-00f067aa0ba902b7-01"));
        assertEquals(Optional.empty(), TraceIds.w3c("ff-" + W3C + "-00f067aa0ba902b7-01"));
        assertEquals(Optional.empty(), TraceIds.w3c("00-" + "0".repeat(32) + "-00f067aa0ba902b7-01"));
        assertEquals(Optional.empty(), TraceIds.w3c("00-" + W3C + "-" + "0".repeat(16) + "-01"));
        assertEquals(Optional.empty(), TraceIds.w3c("00-" + W3C.toUpperCase() + "-00f067aa0ba902b7-01"));
        assertEquals(Optional.empty(), TraceIds.w3c("garbage"));
    }

    @Test
    void of_prefersTheAmznRoot_overTraceparent() {
        assertEquals(Optional.of(ROOT), TraceIds.of("Root=" + ROOT, "00-" + W3C + "-00f067aa0ba902b7-01"));
        assertEquals(Optional.of(W3C), TraceIds.of("Root=bad", "00-" + W3C + "-00f067aa0ba902b7-01"));
        assertEquals(Optional.empty(), TraceIds.of(null, null));
    }
}
