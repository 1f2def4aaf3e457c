package dev.hauntedhelpdesk.ticket;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WireNameTest {

    @Test
    void everyTicketEnum_hasTheWireNamesTheContractDocuments() {
        assertEquals(List.of("low", "medium", "high", "critical"), WireName.names(Severity.class));
        assertEquals(List.of("network", "cloud", "access", "hardware", "software", "other"),
                WireName.names(Category.class));
        assertEquals(List.of("pending", "processing", "resolved", "escalated", "error", "closed"),
                WireName.names(TicketStatus.class));
    }

    @Test
    void parse_acceptsExactlyAWireName() {
        assertEquals(Optional.of(Severity.HIGH), WireName.parse(Severity.class, "high"));
        for (String other : new String[]{"HIGH", " high", "High", "", null}) {
            assertEquals(Optional.empty(), WireName.parse(Severity.class, other), "'" + other + "'");
        }
        assertEquals("low|medium|high|critical", WireName.choices(Severity.class));
    }
}
