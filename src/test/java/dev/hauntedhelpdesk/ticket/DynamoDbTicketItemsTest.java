package dev.hauntedhelpdesk.ticket;

import dev.hauntedhelpdesk.security.Caller;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DynamoDbTicketItemsTest {

    private static final Ticket TICKET = new Ticket("3f1c9a2e-0000-4000-8000-000000000001", "VPN drops",
            "Every hour", Severity.CRITICAL, Category.CLOUD, TicketStatus.ESCALATED, "requester-1", "carol", null,
            List.of(new WorkflowEntry("2024-01-01T00:00:00.000Z", "alice", "created", null)), List.of(),
            "2024-01-01T00:00:00.000Z", "2024-01-01T00:00:00.000Z", 3);

    @Test
    void enums_areStoredAsTheirLowerCaseWireNames_andReadBack() {
        Map<String, AttributeValue> item = DynamoDbTicketItems.toItem(TICKET);

        assertEquals(AttributeValue.fromS("critical"), item.get("severity"));
        assertEquals(AttributeValue.fromS("cloud"), item.get("category"));
        assertEquals(AttributeValue.fromS("escalated"), item.get("status"));
        assertEquals(TICKET, DynamoDbTicketItems.fromItem(item));
    }

    @Test
    void aTicketWithoutCategory_hasNoCategoryAttribute_andReadsBackWithNone() {
        Ticket open = Ticket.open(TICKET.ticketId(), new NewTicket("t", "d", Severity.LOW, null),
                new Caller("requester-1", "alice", Set.of()), List.of(), "2024-01-01T00:00:00.000Z");
        Map<String, AttributeValue> item = DynamoDbTicketItems.toItem(open);

        assertFalse(item.containsKey("category"));
        assertEquals(open, DynamoDbTicketItems.fromItem(item));
    }

    @Test
    void aStoredValueThatIsNoWireName_failsNamingTheAttributeAndTheValue() {
        for (String[] broken : new String[][]{{"severity", "HIGH"}, {"category", "printers"}, {"status", ""}}) {
            Map<String, AttributeValue> item = new HashMap<>(DynamoDbTicketItems.toItem(TICKET));
            item.put(broken[0], AttributeValue.fromS(broken[1]));

            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> DynamoDbTicketItems.fromItem(item));
            assertTrue(e.getMessage().contains(broken[0] + " '" + broken[1] + "'"), e.getMessage());
        }
    }
}
