package dev.hauntedhelpdesk.lambda;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.hauntedhelpdesk.lambda.snapstart.SnapStartPriming;
import dev.hauntedhelpdesk.testing.BackendProperties;
import dev.hauntedhelpdesk.testing.MotoServer;
import dev.hauntedhelpdesk.ticket.Ticket;
import dev.hauntedhelpdesk.ticket.TicketRepositories;
import dev.hauntedhelpdesk.ticket.TicketRepository;
import dev.hauntedhelpdesk.ticket.TicketStatus;
import io.micronaut.function.aws.proxy.MockLambdaContext;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SnapStart priming of the triage queue's function: the store read and one pass of the local
 * engine over a canned ticket, in memory, on the engine the function triages with; no message is
 * made up and nothing is written, and the function still triages a real message afterwards.
 */
class TriageQueuePrimingTest {

    private static final Set<String> TERMINAL = Set.of("resolved", "escalated", "error");

    @Test
    void triagePriming_runsTheFunctionsOwnLocalEngine_inMemory_writesNothing_andTheFunctionStillTriages() {
        String table = BackendProperties.uniqueTableName();
        Map<String, Object> properties = BackendProperties.forApp(table);
        try (TriageQueueHandler handler = SqsEventSource.triageFunction(properties)) {
            TicketRepository tickets = TicketRepositories.dynamo(MotoServer.shared().dynamoDb(), table);
            String id = UUID.randomUUID().toString();
            tickets.create(TicketRepositories.pending(id, "VPN drops every hour",
                    "The VPN connection drops every hour and I have to log in again", null), null);
            int items = MotoServer.shared().dynamoDb().scan(b -> b.tableName(table)).count();
            TriageEngineCreations engines = handler.getApplicationContext().getBean(TriageEngineCreations.class);

            handler.priming().beforeCheckpoint(null);
            handler.priming().afterRestore(null);

            List<SnapStartPriming.Outcome> outcomes = handler.priming().outcomes();
            assertEquals(List.of("GetItem 00000000-0000-4000-8000-000000000000 -> absent",
                    "local triage engine -> classified software"), outcomes.stream().map(Object::toString).toList());
            assertEquals(1, engines.count(), "priming used the function's engine, not one of its own");
            assertEquals(items, MotoServer.shared().dynamoDb().scan(b -> b.tableName(table)).count(),
                    "items in the table after priming");
            assertEquals(TicketStatus.PENDING, tickets.find(id).orElseThrow().status(), "priming triaged no ticket");

            SQSBatchResponse response = handler.handleRequest(message(id), new MockLambdaContext());

            assertTrue(response.getBatchItemFailures().isEmpty(), response::toString);
            Ticket triaged = tickets.find(id).orElseThrow();
            assertTrue(TERMINAL.contains(triaged.status().wire()), triaged::toString);
        }
    }

    private static SQSEvent message(String ticketId) {
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId(UUID.randomUUID().toString());
        message.setBody("{\"ticket_id\":\"" + ticketId + "\"}");
        message.setEventSource("aws:sqs");
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(message));
        return event;
    }
}
