package dev.hauntedhelpdesk.container;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hauntedhelpdesk.contract.Api;
import dev.hauntedhelpdesk.contract.ApiRequest;
import dev.hauntedhelpdesk.contract.ApiResponse;
import dev.hauntedhelpdesk.contract.ServerUnderTest;
import dev.hauntedhelpdesk.testing.BackendProperties;
import dev.hauntedhelpdesk.testing.CognitoPool;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** In the container a new ticket is triaged on the bounded worker pool while its creator moves on. */
class WorkerPoolTriageTest {

    @Test
    void aNewTicket_isTriagedInTheBackground_andEndsInATerminalStatus() throws InterruptedException {
        Map<String, Object> properties = BackendProperties.forApp(BackendProperties.uniqueTableName());
        properties.put("helpdesk.triage.on-create", "true");
        try (ServerUnderTest server = new NettyRuntime().start(properties)) {
            Api api = new Api(server, CognitoPool.shared());
            ApiResponse created = api.as("alice", ApiRequest.of("POST", "/api/tickets").json(Api.ticketJson(
                    "Password expired", "My password expired and the reset link does not work", "high", null)));
            assertEquals(201, created.status(), created::toString);
            assertEquals("pending", created.json().get("status").asText());
            String id = created.json().get("ticket_id").asText();

            JsonNode ticket = null;
            for (int i = 0; i < 100; i++) {
                ticket = api.as("alice", ApiRequest.of("GET", "/api/tickets/" + id)).json();
                if (Set.of("resolved", "escalated", "error").contains(ticket.get("status").asText())) {
                    break;
                }
                Thread.sleep(200);
            }
            assertTrue(Set.of("resolved", "escalated").contains(ticket.get("status").asText()), ticket.toString());
            assertEquals("access", ticket.get("category").asText());
            assertTrue(ticket.get("workflow_log").toString().contains("triage_finished"), ticket.toString());
        }
    }
}
