package dev.hauntedhelpdesk.contract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hauntedhelpdesk.testing.BackendProperties;
import dev.hauntedhelpdesk.testing.CognitoPool;
import dev.hauntedhelpdesk.testing.MotoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The triage API, written once and run through each runtime: {@code POST /process} on the local
 * engine against moto's DynamoDB, and the same with the LLM unreachable (the Bedrock engine
 * pointed at a closed port), which must escalate with the reason while {@code /health} reports
 * the LLM degraded and readiness stays UP.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class TriageApiContract {

    private static final Set<String> RESULT_FIELDS = Set.of("final_response", "handoff_sequence", "execution_time",
            "status", "summary", "terminated_by", "conversation_history", "predicted_category", "confidence",
            "engine", "token_usage");

    protected CognitoPool pool;
    protected ServerUnderTest local;
    protected ServerUnderTest offline;
    protected Api api;
    protected Api offlineApi;

    protected abstract RuntimeUnderTest runtime();

    /**
     * Adds what the runtime needs to run triage out of band ({@code Prefer: respond-async}). The
     * container has its worker pool already; Lambda needs a queue and a consumer of it.
     */
    protected Map<String, Object> withTriageQueue(Map<String, Object> properties) {
        return properties;
    }

    /** Stops whatever {@link #withTriageQueue} started. */
    protected void stopTriageQueue() {
    }

    @BeforeAll
    void start() {
        pool = CognitoPool.shared();
        local = runtime().start(withTriageQueue(properties()));
        Map<String, Object> unreachable = properties();
        unreachable.put("helpdesk.triage.engine", "bedrock");
        // Nothing listens on port 9 (discard) here: every call is refused at once.
        unreachable.put("aws.services.bedrockruntime.endpoint-override", "http://127.0.0.1:9");
        offline = runtime().start(unreachable);
        api = new Api(local, pool);
        offlineApi = new Api(offline, pool);
    }

    private Map<String, Object> properties() {
        Map<String, Object> properties = BackendProperties.forApp(BackendProperties.uniqueTableName(),
                MotoServer.shared().endpoint(), pool);
        properties.put("helpdesk.execution-timeout", "20");
        properties.put("helpdesk.triage.step-timeout", "10");
        return properties;
    }

    @AfterAll
    void stop() {
        if (local != null) {
            local.close();
        }
        if (offline != null) {
            offline.close();
        }
        stopTriageQueue();
    }

    private String create(Api on, String user, String title, String description, String category) {
        ApiResponse created = on.as(user, ApiRequest.of("POST", "/api/tickets")
                .json(Api.ticketJson(title, description, "high", category)));
        assertEquals(201, created.status(), created::toString);
        return created.json().get("ticket_id").asText();
    }

    private ApiResponse process(Api on, String user, String ticketId) {
        return on.as(user, ApiRequest.of("POST", "/api/tickets/" + ticketId + "/process"));
    }

    @Test
    void process_runsTheTeam_returnsTheWorkflowResult_andWritesTheOutcomeBack() {
        String id = create(api, "alice", "VPN keeps dropping",
                "My VPN connection drops every few minutes when I work from home", null);

        ApiResponse response = process(api, "alice", id);

        assertEquals(200, response.status(), response::toString);
        JsonNode result = response.json().get("workflow_result");
        List<String> fields = new ArrayList<>();
        result.fieldNames().forEachRemaining(fields::add);
        List<String> sequence = new ArrayList<>();
        result.get("handoff_sequence").forEach(n -> sequence.add(n.asText()));
        assertAll(
                () -> assertEquals(id, response.json().get("ticket_id").asText()),
                () -> assertEquals(RESULT_FIELDS, Set.copyOf(fields)),
                () -> assertEquals("completed", result.get("terminated_by").asText()),
                () -> assertEquals("network", result.get("predicted_category").asText()),
                () -> assertEquals(List.of("classifier", "memory", "network", "memory", "summarizer"), sequence),
                () -> assertTrue(Set.of("resolved", "escalated").contains(result.get("status").asText())),
                () -> assertFalse(result.get("final_response").asText().isBlank()),
                () -> assertFalse(result.get("summary").asText().isBlank()),
                () -> assertTrue(result.get("execution_time").asDouble() > 0),
                () -> assertTrue(result.get("conversation_history").size() >= 4),
                () -> assertEquals("local", result.get("engine").asText()));

        JsonNode ticket = api.as("alice", ApiRequest.of("GET", "/api/tickets/" + id)).json();
        List<String> events = new ArrayList<>();
        ticket.get("workflow_log").forEach(e -> events.add(e.get("event").asText()));
        assertAll(
                () -> assertEquals(result.get("status").asText(), ticket.get("status").asText()),
                () -> assertEquals(result.get("final_response").asText(), ticket.get("resolution").asText()),
                () -> assertEquals("network", ticket.get("category").asText()),
                () -> assertTrue(events.contains("triage_started"), events::toString),
                () -> assertEquals("triage_finished", events.get(events.size() - 1)));
    }

    @Test
    void process_recallsASimilarResolvedTicket_fromMemory() {
        String first = create(api, "bob", "Printer jams on every page",
                "The printer on the second floor jams on every single page I print", "hardware");
        JsonNode firstResult = process(api, "bob", first).json().get("workflow_result");
        String second = create(api, "bob", "Second floor printer jamming",
                "The second floor printer jams on every page again", "hardware");

        JsonNode result = process(api, "bob", second).json().get("workflow_result");

        assertEquals("resolved", firstResult.get("status").asText(), firstResult::toString);
        assertTrue(result.get("conversation_history").toString().contains(first), result::toString);
    }

    @Test
    void process_returns404_forSomeoneElsesTicket() {
        String id = create(api, "alice", "Monitor flickers", "Lines across the screen", "hardware");

        ApiResponse response = process(api, "bob", id);

        assertEquals(404, response.status(), response::toString);
        assertEquals("https://haunted-helpdesk.dev/problems/not-found", response.json().get("type").asText());
    }

    @Test
    void process_returns409_forAClosedTicket() {
        String id = create(api, "alice", "Need a chair", "Please order a chair", "other");
        ApiResponse closed = api.as("alice", ApiRequest.of("PATCH", "/api/tickets/" + id).header("If-Match", "\"1\"")
                .json("{\"status\":\"closed\"}"));
        assertEquals(200, closed.status(), closed::toString);

        ApiResponse response = process(api, "alice", id);

        assertEquals(409, response.status(), response::toString);
        assertEquals("https://haunted-helpdesk.dev/problems/invalid-transition", response.json().get("type").asText());
    }

    @Test
    void process_withTheLlmUnreachable_escalatesWithTheReason_andHealthShowsItDegradedButReady() {
        String id = create(offlineApi, "alice", "Cannot log in", "My account is locked after a password change", null);

        ApiResponse response = process(offlineApi, "alice", id);

        assertEquals(200, response.status(), response::toString);
        JsonNode result = response.json().get("workflow_result");
        assertEquals("escalated", result.get("status").asText(), result::toString);
        assertEquals("error", result.get("terminated_by").asText());
        assertTrue(result.get("final_response").asText().contains("language model is unavailable"), result::toString);
        JsonNode ticket = offlineApi.as("alice", ApiRequest.of("GET", "/api/tickets/" + id)).json();
        assertEquals("escalated", ticket.get("status").asText());
        assertTrue(ticket.get("resolution").asText().contains("language model is unavailable"));

        ApiResponse health = offlineApi.as("carol", ApiRequest.of("GET", "/health"));
        assertEquals(200, health.status(), health::toString);
        JsonNode triage = health.json().path("details").path("triage");
        assertEquals("UP", health.json().get("status").asText(), health::toString);
        assertEquals("degraded", triage.path("details").path("llm").asText(), health::toString);
        ApiResponse ready = offline.send(ApiRequest.of("GET", "/health/readiness"));
        assertEquals(200, ready.status(), ready::toString);
    }

    @Test
    void process_withRespondAsync_answers202WithTheTicketsLocation_andTheRunFinishesInTheBackground()
            throws InterruptedException {
        String id = create(api, "alice", "VPN keeps dropping",
                "My VPN connection drops every few minutes when I work from home", null);

        ApiResponse accepted = api.as("alice", ApiRequest.of("POST", "/api/tickets/" + id + "/process")
                .header("Prefer", "respond-async, wait=10"));

        assertEquals(202, accepted.status(), accepted::toString);
        assertAll(
                () -> assertEquals("/api/tickets/" + id, accepted.header("Location")),
                () -> assertEquals("respond-async", accepted.header("Preference-Applied")),
                () -> assertEquals(id, accepted.json().get("ticket_id").asText()));
        JsonNode ticket = awaitTriaged(id);
        List<String> events = new ArrayList<>();
        ticket.get("workflow_log").forEach(e -> events.add(e.get("event").asText()));
        assertTrue(Set.of("resolved", "escalated").contains(ticket.get("status").asText()), ticket::toString);
        assertEquals("network", ticket.get("category").asText());
        assertEquals("triage_finished", events.get(events.size() - 1));
    }

    @Test
    void process_withPreferWait_answersTheResult_whenTheRunEndsWithinTheWait() {
        String id = create(api, "alice", "VPN keeps dropping",
                "My VPN connection drops every few minutes when I work from home", null);

        ApiResponse response = api.as("alice", ApiRequest.of("POST", "/api/tickets/" + id + "/process")
                .header("Prefer", "wait=20"));

        assertEquals(200, response.status(), response::toString);
        JsonNode result = response.json().get("workflow_result");
        List<String> fields = new ArrayList<>();
        result.fieldNames().forEachRemaining(fields::add);
        assertAll(
                () -> assertEquals(id, response.json().get("ticket_id").asText()),
                () -> assertEquals(RESULT_FIELDS, Set.copyOf(fields)),
                () -> assertEquals("network", result.get("predicted_category").asText()),
                () -> assertNull(response.header("Preference-Applied")));
        JsonNode ticket = api.as("alice", ApiRequest.of("GET", "/api/tickets/" + id)).json();
        assertEquals(result.get("status").asText(), ticket.get("status").asText());
    }

    @Test
    void process_withPreferWait_answers202WithTheTicketsLocation_whenTheRunOutlastsTheWait()
            throws InterruptedException {
        String id = create(api, "alice", "VPN keeps dropping",
                "My VPN connection drops every few minutes when I work from home", null);

        ApiResponse accepted = api.as("alice", ApiRequest.of("POST", "/api/tickets/" + id + "/process")
                .header("Prefer", "wait=0"));

        assertEquals(202, accepted.status(), accepted::toString);
        assertAll(
                () -> assertEquals("/api/tickets/" + id, accepted.header("Location")),
                () -> assertEquals("wait=0", accepted.header("Preference-Applied")),
                () -> assertEquals(id, accepted.json().get("ticket_id").asText()));
        JsonNode ticket = awaitTriaged(id);
        assertTrue(Set.of("resolved", "escalated").contains(ticket.get("status").asText()), ticket::toString);
        assertEquals("network", ticket.get("category").asText());
    }

    @Test
    void process_withRespondAsync_checksLikeTheSynchronousRun_andQueuesNothingItRefuses() {
        String id = create(api, "alice", "Need a desk lamp", "Please order a desk lamp", "other");
        ApiResponse closed = api.as("alice", ApiRequest.of("PATCH", "/api/tickets/" + id).header("If-Match", "\"1\"")
                .json("{\"status\":\"closed\"}"));
        assertEquals(200, closed.status(), closed::toString);

        ApiResponse notYours = api.as("bob", ApiRequest.of("POST", "/api/tickets/" + id + "/process")
                .header("Prefer", "respond-async"));
        ApiResponse refused = api.as("alice", ApiRequest.of("POST", "/api/tickets/" + id + "/process")
                .header("Prefer", "respond-async"));

        assertEquals(404, notYours.status(), notYours::toString);
        assertEquals(409, refused.status(), refused::toString);
        assertEquals("https://haunted-helpdesk.dev/problems/invalid-transition", refused.json().get("type").asText());
        JsonNode ticket = api.as("alice", ApiRequest.of("GET", "/api/tickets/" + id)).json();
        assertEquals("closed", ticket.get("status").asText());
        assertEquals(closed.json().get("version").asLong(), ticket.get("version").asLong());
    }

    /** Polls the ticket until a run has written its outcome; a minute is far beyond the local engine's run. */
    private JsonNode awaitTriaged(String id) throws InterruptedException {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
        JsonNode ticket;
        do {
            ticket = api.as("alice", ApiRequest.of("GET", "/api/tickets/" + id)).json();
            if (ticket.get("workflow_log").toString().contains("triage_finished")) {
                return ticket;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("no triage outcome within 60 s: " + ticket);
    }
}
