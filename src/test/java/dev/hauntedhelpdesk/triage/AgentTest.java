package dev.hauntedhelpdesk.triage;

import dev.hauntedhelpdesk.ticket.Category;
import dev.hauntedhelpdesk.ticket.WireName;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AgentTest {

    @Test
    void everyCategory_hasOneSpecialist_whoTakesThatCategory() {
        for (Category category : Category.values()) {
            Agent specialist = Agent.specialistFor(category);
            assertEquals(category, specialist.category(), specialist.wire());
            assertEquals(specialist, Agent.specialistFor(category.wire()));
        }
        assertEquals(Category.values().length, Arrays.stream(Agent.values()).filter(Agent::isSpecialist).count());
        assertEquals(Agent.GENERAL, Agent.specialistFor(Category.OTHER));
        assertEquals(Agent.GENERAL, Agent.specialistFor((Category) null));
        assertEquals(Agent.GENERAL, Agent.specialistFor("printers"));
    }

    @Test
    void specialist_findsOnlySpecialists_byTheirWireName() {
        assertEquals(Optional.of(Agent.NETWORK), Agent.specialist(" Network "));
        assertEquals(Optional.of(Agent.GENERAL), Agent.specialist("general"));
        assertEquals(Optional.empty(), Agent.specialist("classifier"));
        assertEquals(Optional.empty(), Agent.specialist("other"));
    }

    @Test
    void theTriageEnums_keepTheirWireNames() {
        assertEquals(List.of("classifier", "memory", "network", "cloud", "access", "hardware", "software", "general",
                "summarizer"), WireName.names(Agent.class));
        assertEquals(List.of("completed", "max_handoffs", "timeout", "loop_detected", "error"),
                WireName.names(TerminatedBy.class));
        assertEquals(List.of("not-probed", "available", "degraded"),
                WireName.names(TriageEngine.EngineHealth.Status.class));
    }
}
