package dev.hauntedhelpdesk.lambda;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TriageMessageTest {

    private static final String ID = "0b6f1c62-3d47-4f7a-9a43-5f2d8e1c9b70";

    @Test
    void body_roundTrips_withAndWithoutTheRequestedFlag() {
        assertEquals("{\"ticket_id\":\"" + ID + "\"}", new TriageMessage(ID, false).body());
        assertEquals(Optional.of(new TriageMessage(ID, false)), TriageMessage.parse(new TriageMessage(ID, false).body()));
        assertEquals(Optional.of(new TriageMessage(ID, true)), TriageMessage.parse(new TriageMessage(ID, true).body()));
    }

    @Test
    void parse_refusesAnythingElse() {
        assertEquals(Optional.empty(), TriageMessage.parse(null));
        assertEquals(Optional.empty(), TriageMessage.parse("{\"ticket_id\":\"not-a-uuid\"}"));
        assertEquals(Optional.empty(), TriageMessage.parse("{\"ticket_id\":\"" + ID + "\",\"requested\":\"yes\"}"));
        assertEquals(Optional.empty(), TriageMessage.parse("{\"ticket_id\":\"" + ID + "\",\"extra\":1}"));
    }
}
