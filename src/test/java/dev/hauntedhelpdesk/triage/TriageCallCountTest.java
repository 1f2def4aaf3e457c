package dev.hauntedhelpdesk.triage;

import dev.hauntedhelpdesk.memory.DynamoDbMemoryStore;
import dev.hauntedhelpdesk.security.Caller;
import dev.hauntedhelpdesk.testing.BackendProperties;
import dev.hauntedhelpdesk.testing.MotoServer;
import dev.hauntedhelpdesk.ticket.TicketRepositories;
import dev.hauntedhelpdesk.ticket.TicketRepository;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * How many DynamoDB calls one {@code /process} makes, counted by an SDK interceptor on the client
 * the service uses (every attempt counts, as every attempt is billed): the ticket's claim and
 * record are one conditional UpdateItem each, after one read.
 */
class TriageCallCountTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    /** Counts each SDK attempt by operation name. */
    static final class Counter implements ExecutionInterceptor {
        final Map<String, Integer> calls = new TreeMap<>();

        @Override
        public synchronized void beforeTransmission(Context.BeforeTransmission context,
                                                    ExecutionAttributes attributes) {
            calls.merge(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), 1, Integer::sum);
        }

        synchronized Map<String, Integer> take() {
            Map<String, Integer> taken = new TreeMap<>(calls);
            calls.clear();
            return taken;
        }
    }

    @Test
    void process_readsOnce_andClaimsAndRecordsWithOneUpdateEach() {
        Counter counter = new Counter();
        DynamoDbClient dynamo = DynamoDbClient.builder()
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                .endpointOverride(MotoServer.shared().endpoint())
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.addExecutionInterceptor(counter))
                .build();
        String table = BackendProperties.uniqueTableName();
        TicketRepository tickets = TicketRepositories.dynamo(dynamo, table);
        // An engine that answers and resolves, so the run also stores a memory (the longest route).
        TriageService service = new TriageService(tickets, new TriageOrchestrator(
                new ScriptedEngine(ScriptedEngine.Behaviour.ANSWER, List.of(ScriptedEngine.Behaviour.ANSWER)),
                new DynamoDbMemoryStore(dynamo, table), Toolbox.none(), new TriageBounds(3, TIMEOUT, TIMEOUT, 2),
                Clock.systemUTC()), Clock.systemUTC(), ticket -> List.of(), TIMEOUT.plusSeconds(30));
        String id = UUID.randomUUID().toString();
        tickets.create(TicketRepositories.pending(id, "VPN drops", "every five minutes", null), null);
        counter.take();

        WorkflowResult result = service.process(id, new Caller("requester-1", "alice", Set.of()));

        Map<String, Integer> calls = counter.take();
        System.out.println("DynamoDB calls per /process (" + result.status() + "): " + calls);
        // Memories: one Query to recall, one PutItem to remember the resolution.
        assertEquals(Map.of("GetItem", 1, "UpdateItem", 2, "Query", 1, "PutItem", 1), calls);
    }
}
