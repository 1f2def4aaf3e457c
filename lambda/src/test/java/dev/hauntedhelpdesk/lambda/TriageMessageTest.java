package dev.hauntedhelpdesk.lambda;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TriageMessageTest {

    private static final String ID = "0b6f1c62-3d47-4f7a-9a43-5f2d8e1c9b70";
    private static final String RUN = "5d0c8a1e-7b2f-4c3d-8e9f-0a1b2c3d4e5f";

    @Test
    void body_roundTrips_withAndWithoutTheRequestedFlag() {
        assertEquals("{\"ticket_id\":\"" + ID + "\"}", new TriageMessage(ID, false, null).body());
        assertEquals(Optional.of(new TriageMessage(ID, false, null)), TriageMessage.parse(new TriageMessage(ID, false, null).body()));
        assertEquals(Optional.of(new TriageMessage(ID, true, null)), TriageMessage.parse(new TriageMessage(ID, true, null).body()));
    }

    @Test
    void body_roundTrips_withTheRunIdTheCallerWaitsFor() {
        TriageMessage requested = new TriageMessage(ID, true, RUN);

        assertEquals("{\"ticket_id\":\"" + ID + "\",\"requested\":true,\"run_id\":\"" + RUN + "\"}", requested.body());
        assertEquals(Optional.of(requested), TriageMessage.parse(requested.body()));
        assertEquals(Optional.empty(), TriageMessage.parse("{\"ticket_id\":\"" + ID + "\",\"run_id\":\"run-1\"}"));
    }

    @Test
    void parse_refusesAnythingElse() {
        assertEquals(Optional.empty(), TriageMessage.parse(null));
        assertEquals(Optional.empty(), TriageMessage.parse("{\"ticket_id\":\"not-a-uuid\"}"));
        assertEquals(Optional.empty(), TriageMessage.parse("{\"ticket_id\":\"" + ID + "\",\"requested\":\"yes\"}"));
        assertEquals(Optional.empty(), TriageMessage.parse("{\"ticket_id\":\"" + ID + "\",\"extra\":1}"));
    }
}
