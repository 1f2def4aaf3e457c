package dev.hauntedhelpdesk.contract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hauntedhelpdesk.testing.BackendProperties;
import dev.hauntedhelpdesk.testing.CognitoPool;
import dev.hauntedhelpdesk.testing.MotoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tickets API contract, written once. Each runtime module extends this with a
 * {@link RuntimeUnderTest}, so the same scenarios run over a real socket against Netty and as API
 * Gateway events (payload v1 and v2) into the Lambda handler, all against moto's DynamoDB and
 * tokens from moto's Cognito.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class TicketApiContract {

    protected static final String PROBLEM_JSON = "application/problem+json";
    private static final String TYPES = "https://haunted-helpdesk.dev/problems/";
    private static final String ALLOWED_ORIGIN = "https://helpdesk.example.com";
    /**
     * Response headers a script may read without their being exposed (the CORS-safelisted ones)
     * or that belong to the transport, not the API.
     */
    private static final Set<String> NOT_FOR_SCRIPTS = Set.of("cache-control", "content-language", "content-length",
            "content-type", "expires", "last-modified", "pragma", "date", "connection", "keep-alive",
            "transfer-encoding", "vary");

    protected CognitoPool pool;
    protected ServerUnderTest server;
    protected Api api;

    protected abstract RuntimeUnderTest runtime();

    /** The user pool whose tokens the scenarios use; moto's by default. */
    protected CognitoPool cognitoPool() {
        return CognitoPool.shared();
    }

    /** Properties pointing the runtime at its back-ends; moto's DynamoDB by default. */
    protected Map<String, Object> backendProperties(String tableName) {
        return BackendProperties.forApp(tableName, MotoServer.shared().endpoint(), cognitoPool());
    }

    @BeforeAll
    void startServer() {
        pool = cognitoPool();
        Map<String, Object> properties = backendProperties(BackendProperties.uniqueTableName());
        properties.put("helpdesk.test.faults", "true");
        properties.put("helpdesk.cors-origins", ALLOWED_ORIGIN);
        server = runtime().start(properties);
        api = new Api(server, pool);
    }

    @AfterAll
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    // ---- create ----

    @Test
    void create_returns201WithLocationETagAndTheTicket() {
        ApiResponse response = api.as("alice", ApiRequest.of("POST", "/api/tickets")
                .json(Api.ticketJson("VPN drops", "VPN disconnects every 5 minutes", "high", "network")));

        assertEquals(201, response.status(), response::toString);
        JsonNode ticket = response.json();
        String id = ticket.get("ticket_id").asText();
        assertAll(
                () -> assertEquals("/api/tickets/" + id, response.header("Location")),
                () -> assertEquals("\"1\"", response.header("ETag")),
                () -> assertEquals("VPN drops", ticket.get("title").asText()),
                () -> assertEquals("high", ticket.get("severity").asText()),
                () -> assertEquals("network", ticket.get("category").asText()),
                () -> assertEquals("pending", ticket.get("status").asText()),
                () -> assertEquals(pool.sub("alice"), ticket.get("requester").asText()),
                () -> assertTrue(ticket.get("assignee").isNull()),
                () -> assertTrue(ticket.get("resolution").isNull()),
                () -> assertEquals(1, ticket.get("workflow_log").size()),
                () -> assertTrue(ticket.get("attachments").isArray()),
                () -> assertEquals(1, ticket.get("version").asLong()),
                () -> assertEquals(ticket.get("created_at"), ticket.get("updated_at")));
        assertEquals(contractFields(), fieldNames(ticket));
    }

    @Test
    void create_leavesCategoryNull_whenRequesterOmitsIt() {
        ApiResponse response = api.create("alice", "Laptop will not boot", "medium");

        assertEquals(201, response.status(), response::toString);
        assertTrue(response.json().get("category").isNull());
    }

    @Test
    void create_returnsSameTicket_whenIdempotencyKeyRepeats() {
        String key = UUID.randomUUID().toString();
        String body = Api.ticketJson("Printer jam", "Tray 2 jams", "low", "hardware");
        ApiResponse first = api.as("alice", ApiRequest.of("POST", "/api/tickets").header("Idempotency-Key", key).json(body));
        ApiResponse second = api.as("alice", ApiRequest.of("POST", "/api/tickets").header("Idempotency-Key", key).json(body));

        assertEquals(201, first.status(), first::toString);
        assertEquals(201, second.status(), second::toString);
        assertEquals(first.json().get("ticket_id"), second.json().get("ticket_id"));
        assertEquals("true", second.header("Idempotent-Replayed"));
        long copies = listAll("alice").stream().filter(t -> t.get("title").asText().equals("Printer jam")).count();
        assertEquals(1, copies);
    }

    @Test
    void create_keepsIdempotencyKeysApart_perRequester() {
        String key = UUID.randomUUID().toString();
        String body = Api.ticketJson("Shared key", "Same key, two people", "low", null);
        ApiResponse alice = api.as("alice", ApiRequest.of("POST", "/api/tickets").header("Idempotency-Key", key).json(body));
        ApiResponse bob = api.as("bob", ApiRequest.of("POST", "/api/tickets").header("Idempotency-Key", key).json(body));

        assertEquals(201, alice.status());
        assertEquals(201, bob.status());
        assertNotEquals(alice.json().get("ticket_id"), bob.json().get("ticket_id"));
    }

    @Test
    void create_returns422_whenIdempotencyKeyIsReusedWithAnotherBody() {
        String key = UUID.randomUUID().toString();
        api.as("alice", ApiRequest.of("POST", "/api/tickets").header("Idempotency-Key", key)
                .json(Api.ticketJson("One", "first body", "low", null)));
        ApiResponse reused = api.as("alice", ApiRequest.of("POST", "/api/tickets").header("Idempotency-Key", key)
                .json(Api.ticketJson("Two", "second body", "low", null)));

        assertProblem(reused, 422, "idempotency-key-reused");
    }

    @Test
    void create_returns422NamingEveryBadField_andStoresNothing() {
        int before = listAll("bob").size();
        ApiResponse response = api.as("bob", ApiRequest.of("POST", "/api/tickets")
                .json("{\"title\":\"\",\"severity\":\"urgent\",\"category\":\"plumbing\"}"));

        assertProblem(response, 422, "validation-failed");
        Set<String> fields = new HashSet<>();
        response.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertEquals(Set.of("title", "description", "severity", "category"), fields);
        assertEquals(before, listAll("bob").size());
    }

    @Test
    void create_returns400_whenJsonIsMalformed() {
        ApiResponse response = api.as("alice", ApiRequest.of("POST", "/api/tickets").json("{\"title\": "));

        assertProblem(response, 400, "malformed-json");
    }

    @Test
    void create_returns415_whenBodyIsNotJson() {
        ApiResponse response = api.as("alice", ApiRequest.of("POST", "/api/tickets")
                .body("text/plain", "title=x".getBytes(StandardCharsets.UTF_8)));

        assertProblem(response, 415, "unsupported-media-type");
    }

    @Test
    void create_returns413_whenBodyIsTooLarge() {
        String huge = "x".repeat(70 * 1024);
        ApiResponse response = api.as("alice", ApiRequest.of("POST", "/api/tickets")
                .json(Api.ticketJson("Big", huge, "low", null)));

        assertProblem(response, 413, "payload-too-large");
    }

    // ---- read ----

    @Test
    void get_returnsTheTicketWithItsETag_toItsRequesterAndToAgents() {
        String id = api.create("alice", "Mailbox full", "medium").json().get("ticket_id").asText();

        ApiResponse own = api.as("alice", ApiRequest.of("GET", "/api/tickets/" + id));
        ApiResponse agent = api.as("carol", ApiRequest.of("GET", "/api/tickets/" + id));

        assertEquals(200, own.status(), own::toString);
        assertEquals("\"1\"", own.header("ETag"));
        assertEquals(200, agent.status(), agent::toString);
        assertEquals(own.json(), agent.json());
    }

    @Test
    void get_returns404_forAnotherRequestersTicket_asForAMissingOne() {
        String id = api.create("alice", "Private matter", "low").json().get("ticket_id").asText();

        ApiResponse other = api.as("bob", ApiRequest.of("GET", "/api/tickets/" + id));
        ApiResponse missing = api.as("bob", ApiRequest.of("GET", "/api/tickets/" + UUID.randomUUID()));

        assertProblem(other, 404, "not-found");
        assertProblem(missing, 404, "not-found");
        assertEquals(other.json().get("title"), missing.json().get("title"));
    }

    @Test
    void list_showsRequestersOnlyTheirOwn_andAgentsEveryone() {
        String alices = api.create("alice", "Alice list check", "low").json().get("ticket_id").asText();
        String bobs = api.create("bob", "Bob list check", "low").json().get("ticket_id").asText();

        Set<String> seenByBob = ids(listAll("bob"));
        Set<String> seenByCarol = ids(listAll("carol"));

        assertTrue(seenByBob.contains(bobs));
        assertFalse(seenByBob.contains(alices));
        assertTrue(seenByCarol.containsAll(Set.of(alices, bobs)));
        listAll("bob").forEach(t -> assertEquals(pool.sub("bob"), t.get("requester").asText()));
    }

    @Test
    void list_pagesThroughEveryTicketOnce_newestFirst() {
        for (int i = 0; i < 5; i++) {
            api.create("bob", "Paging " + i, "low");
        }
        List<JsonNode> pages = new ArrayList<>();
        String cursor = null;
        int requests = 0;
        do {
            ApiRequest request = ApiRequest.of("GET", "/api/tickets").query("limit", "2");
            if (cursor != null) {
                request.query("cursor", cursor);
            }
            ApiResponse page = api.as("bob", request);
            assertEquals(200, page.status(), page::toString);
            assertTrue(page.json().get("items").size() <= 2);
            page.json().get("items").forEach(pages::add);
            cursor = page.json().get("next_cursor").isNull() ? null : page.json().get("next_cursor").asText();
            requests++;
        } while (cursor != null && requests < 50);

        assertEquals(ids(pages).size(), pages.size(), "no ticket twice");
        assertEquals(ids(listAll("bob")), ids(pages));
        for (int i = 1; i < pages.size(); i++) {
            assertTrue(pages.get(i - 1).get("created_at").asText().compareTo(pages.get(i).get("created_at").asText()) >= 0);
        }
    }

    @Test
    void list_filtersByStatus_forRequestersAndAgents() {
        String id = api.create("bob", "To be closed", "low").json().get("ticket_id").asText();
        patch("bob", id, "\"1\"", Map.of("status", "closed"));

        Set<String> bobClosed = ids(listAll("bob", "closed"));
        Set<String> carolClosed = ids(listAll("carol", "closed"));

        assertTrue(bobClosed.contains(id));
        assertTrue(carolClosed.contains(id));
        listAll("carol", "closed").forEach(t -> assertEquals("closed", t.get("status").asText()));
        assertFalse(ids(listAll("bob", "pending")).contains(id));
    }

    @Test
    void list_returns400_forABadCursorLimitOrStatus() {
        assertProblem(api.as("alice", ApiRequest.of("GET", "/api/tickets").query("cursor", "not-a-cursor")), 400,
                "invalid-parameter");
        assertProblem(api.as("alice", ApiRequest.of("GET", "/api/tickets").query("limit", "0")), 400,
                "invalid-parameter");
        assertProblem(api.as("alice", ApiRequest.of("GET", "/api/tickets").query("status", "haunted")), 400,
                "invalid-parameter");
    }

    // ---- update ----

    @Test
    void patch_appliesTheChange_bumpsTheVersion_andLogsIt() {
        String id = api.create("alice", "Slow Wi-Fi", "low").json().get("ticket_id").asText();

        ApiResponse response = patch("carol", id, "\"1\"", Map.of("status", "processing", "assignee", "carol"));

        assertEquals(200, response.status(), response::toString);
        JsonNode ticket = response.json();
        assertEquals("processing", ticket.get("status").asText());
        assertEquals("carol", ticket.get("assignee").asText());
        assertEquals(2, ticket.get("version").asLong());
        assertEquals("\"2\"", response.header("ETag"));
        assertTrue(ticket.get("workflow_log").size() >= 2);
        assertEquals(ticket, api.as("alice", ApiRequest.of("GET", "/api/tickets/" + id)).json());
    }

    @Test
    void patch_returns412_whenIfMatchIsStale_andKeepsTheNewerWrite() {
        String id = api.create("alice", "Race", "low").json().get("ticket_id").asText();
        assertEquals(200, patch("carol", id, "\"1\"", Map.of("severity", "high")).status());

        ApiResponse stale = patch("dave", id, "\"1\"", Map.of("severity", "low"));

        assertProblem(stale, 412, "precondition-failed");
        assertEquals("high", api.as("alice", ApiRequest.of("GET", "/api/tickets/" + id)).json().get("severity").asText());
    }

    @Test
    void patch_returns428_withoutIfMatch() {
        String id = api.create("alice", "No If-Match", "low").json().get("ticket_id").asText();

        ApiResponse response = api.as("carol", ApiRequest.of("PATCH", "/api/tickets/" + id).json("{\"severity\":\"high\"}"));

        assertProblem(response, 428, "precondition-required");
    }

    @Test
    void patch_returns404_whenARequesterTouchesAnothersTicket() {
        String id = api.create("alice", "Not bob's", "low").json().get("ticket_id").asText();

        assertProblem(patch("bob", id, "\"1\"", Map.of("title", "mine now")), 404, "not-found");
        assertEquals("Not bob's", api.as("alice", ApiRequest.of("GET", "/api/tickets/" + id)).json().get("title").asText());
    }

    @Test
    void patch_returns403_whenARequesterChangesAStaffField() {
        String id = api.create("alice", "Self-assign", "low").json().get("ticket_id").asText();

        assertProblem(patch("alice", id, "\"1\"", Map.of("assignee", "alice")), 403, "forbidden");
        assertProblem(patch("alice", id, "\"1\"", Map.of("status", "resolved")), 403, "forbidden");
    }

    @Test
    void patch_returns409_forAStatusChangeOutsideTheTransitionTable() {
        String id = api.create("alice", "Skip ahead", "low").json().get("ticket_id").asText();
        assertEquals(200, patch("carol", id, "\"1\"", Map.of("status", "closed")).status());

        assertProblem(patch("carol", id, "\"2\"", Map.of("status", "resolved")), 409, "invalid-transition");
    }

    @Test
    void patch_returns422_forUnknownFieldsOrBadValues() {
        String id = api.create("alice", "Bad patch", "low").json().get("ticket_id").asText();

        assertProblem(patch("carol", id, "\"1\"", Map.of("colour", "red")), 422, "validation-failed");
        assertProblem(patch("carol", id, "\"1\"", Map.of("status", "vanished")), 422, "validation-failed");
        assertEquals(1, api.as("alice", ApiRequest.of("GET", "/api/tickets/" + id)).json().get("version").asLong());
    }

    // ---- delete ----

    @Test
    void delete_isForAdminsOnly() {
        String id = api.create("alice", "Delete me", "low").json().get("ticket_id").asText();

        assertProblem(api.as("alice", ApiRequest.of("DELETE", "/api/tickets/" + id)), 403, "forbidden");
        assertProblem(api.as("carol", ApiRequest.of("DELETE", "/api/tickets/" + id)), 403, "forbidden");
        assertEquals(204, api.as("dave", ApiRequest.of("DELETE", "/api/tickets/" + id)).status());
        assertProblem(api.as("dave", ApiRequest.of("GET", "/api/tickets/" + id)), 404, "not-found");
    }

    // ---- identity ----

    @Test
    void everyApiRoute_returns401_withoutAToken() {
        assertUnauthorized(api.send(ApiRequest.of("GET", "/api/tickets")));
        assertUnauthorized(api.send(ApiRequest.of("POST", "/api/tickets").json(Api.ticketJson("a", "b", "low", null))));
        assertUnauthorized(api.send(ApiRequest.of("GET", "/api/tickets/" + UUID.randomUUID())));
    }

    @Test
    void albIdentityHeadersAlone_neverAuthenticate() {
        ApiResponse identity = api.send(ApiRequest.of("GET", "/api/tickets")
                .header("x-amzn-oidc-identity", pool.sub("carol")));
        ApiResponse data = api.send(ApiRequest.of("GET", "/api/tickets")
                .header("x-amzn-oidc-identity", pool.sub("carol"))
                .header("x-amzn-oidc-data", pool.idToken("carol")));

        assertUnauthorized(identity);
        assertUnauthorized(data);
    }

    @Test
    void albAccessTokenHeader_authenticatesLikeABearerToken_unlessAGatewayAuthorizerWantsAuthorization() {
        ApiResponse response = api.send(ApiRequest.of("GET", "/api/tickets")
                .header("x-amzn-oidc-accesstoken", pool.accessToken("alice")));

        if (server.authorizerInFront()) {
            // The HTTP API's authorizer reads the token from Authorization only.
            assertGatewayUnauthorized(response);
        } else {
            assertEquals(200, response.status(), response::toString);
        }
    }

    @Test
    void tokensThatAreNotThisPoolsAccessTokens_areRejected() {
        for (String token : List.of(pool.forgedAccessToken("carol"), pool.accessTokenFromOtherClient("carol"),
                "not.a.jwt")) {
            ApiResponse response = api.send(ApiRequest.of("GET", "/api/tickets").header("Authorization", "Bearer " + token));
            assertUnauthorized(response);
        }
        // An ID token of the pool's own client passes a JWT authorizer (right issuer, signature
        // and audience; it does not look at token_use), so the service must refuse it itself.
        ApiResponse idToken = api.send(ApiRequest.of("GET", "/api/tickets")
                .header("Authorization", "Bearer " + pool.idToken("carol")));
        assertProblem(idToken, 401, "unauthorized");
    }

    // ---- framework errors ----

    @Test
    void unsupportedMethod_returns405() {
        assertProblem(api.as("alice", ApiRequest.of("PUT", "/api/tickets").json("{}")), 405, "method-not-allowed");
    }

    @Test
    void unknownRoute_returns404_forASignedInCaller() {
        assertProblem(api.as("alice", ApiRequest.of("GET", "/api/nothing-here")), 404, "not-found");
    }

    @Test
    void unexpectedFailure_returns500_withoutInternals() {
        ApiResponse response = api.as("alice", ApiRequest.of("GET", "/api/faults/boom"));

        assertProblem(response, 500, "internal-error");
        assertFalse(response.body().contains(FaultController.SECRET));
        assertFalse(response.body().contains("Exception"));
        assertFalse(response.body().contains("at dev."));
    }

    // ---- cross-cutting ----

    @Test
    void correlationId_isEchoed_orGenerated() {
        ApiResponse given = api.as("alice", ApiRequest.of("GET", "/api/tickets").header("X-Correlation-ID", "abc-123"));
        ApiResponse generated = api.as("alice", ApiRequest.of("GET", "/api/tickets"));
        ApiResponse failed = api.as("alice", ApiRequest.of("GET", "/api/tickets").query("limit", "0")
                .header("X-Correlation-ID", "err-42"));

        assertEquals("abc-123", given.header("X-Correlation-ID"));
        assertNotNull(generated.header("X-Correlation-ID"));
        assertFalse(generated.header("X-Correlation-ID").isBlank());
        assertEquals("err-42", failed.header("X-Correlation-ID"));
        assertEquals("err-42", failed.json().get("correlation_id").asText());
    }

    @Test
    void health_answersAnonymously_withDetailsOnlyForSignedInCallers() {
        for (String path : List.of("/health", "/health/liveness", "/health/readiness", "/health/live", "/health/ready")) {
            ApiResponse anonymous = api.send(ApiRequest.of("GET", path));
            assertEquals(200, anonymous.status(), path + " " + anonymous);
            assertEquals("UP", anonymous.json().get("status").asText(), path);
            assertTrue(anonymous.json().path("details").isMissingNode(), path + " " + anonymous);
        }
        ApiResponse detailed = api.as("carol", ApiRequest.of("GET", "/health/readiness"));
        assertEquals("UP", detailed.json().at("/details/dynamodb/status").asText(), detailed::toString);
    }

    @Test
    void cors_preflightFromTheConfiguredOrigin_allowsWhatTheBrowserAsksFor() {
        ApiResponse preflight = api.send(ApiRequest.of("OPTIONS", "/api/tickets/" + UUID.randomUUID())
                .header("Origin", ALLOWED_ORIGIN)
                .header("Access-Control-Request-Method", "PATCH")
                .header("Access-Control-Request-Headers", "authorization,content-type,if-match"));

        // What a browser checks before it sends the real request (Fetch, CORS-preflight fetch).
        assertTrue(preflight.status() >= 200 && preflight.status() < 300, preflight::toString);
        assertEquals(ALLOWED_ORIGIN, preflight.header("Access-Control-Allow-Origin"), preflight::toString);
        assertTrue(headerList(preflight, "Access-Control-Allow-Methods").contains("patch"), preflight::toString);
        assertTrue(headerList(preflight, "Access-Control-Allow-Headers")
                .containsAll(List.of("authorization", "content-type", "if-match")), preflight::toString);
    }

    @Test
    void cors_preflightAskingForNoExtraHeader_isAllowedToo() {
        ApiResponse preflight = api.send(ApiRequest.of("OPTIONS", "/api/tickets")
                .header("Origin", ALLOWED_ORIGIN)
                .header("Access-Control-Request-Method", "POST"));

        assertTrue(preflight.status() >= 200 && preflight.status() < 300, preflight::toString);
        assertEquals(ALLOWED_ORIGIN, preflight.header("Access-Control-Allow-Origin"), preflight::toString);
    }

    @Test
    void cors_allowsOnlyTheConfiguredOrigins() {
        ApiResponse preflight = api.send(ApiRequest.of("OPTIONS", "/api/tickets")
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type"));
        ApiResponse foreign = api.as("alice", ApiRequest.of("GET", "/api/tickets").header("Origin", "https://evil.example"));

        assertNull(preflight.header("Access-Control-Allow-Origin"), preflight::toString);
        assertNull(foreign.header("Access-Control-Allow-Origin"), foreign::toString);
    }

    @Test
    void cors_everyHeaderTheApiSends_isReadableByAPageOnTheConfiguredOrigin() {
        String key = UUID.randomUUID().toString();
        String body = Api.ticketJson("From the browser", "Sent by a web page", "low", null);
        ApiResponse created = api.as("alice", fromPage(ApiRequest.of("POST", "/api/tickets")
                .header("Idempotency-Key", key).header("X-Correlation-ID", "page-1").json(body)));
        ApiResponse replayed = api.as("alice", fromPage(ApiRequest.of("POST", "/api/tickets")
                .header("Idempotency-Key", key).json(body)));
        String id = created.json().get("ticket_id").asText();
        ApiResponse read = api.as("alice", fromPage(ApiRequest.of("GET", "/api/tickets/" + id)));
        ApiResponse patched = api.as("carol", fromPage(ApiRequest.of("PATCH", "/api/tickets/" + id)
                .header("If-Match", read.header("ETag")).json("{\"severity\":\"high\"}")));
        ApiResponse refused = api.as("alice", fromPage(ApiRequest.of("GET", "/api/tickets").query("limit", "0")));

        Set<String> seen = new HashSet<>();
        for (ApiResponse response : List.of(created, replayed, read, patched, refused)) {
            assertEquals(ALLOWED_ORIGIN, response.header("Access-Control-Allow-Origin"), response::toString);
            List<String> exposed = headerList(response, "Access-Control-Expose-Headers");
            for (String name : response.headers().keySet()) {
                if (!NOT_FOR_SCRIPTS.contains(name) && !name.startsWith("access-control-")) {
                    seen.add(name);
                    assertTrue(exposed.contains(name), () -> name + " is sent but not exposed: " + response);
                }
            }
        }
        assertTrue(seen.containsAll(Set.of("etag", "location", "x-correlation-id", "idempotent-replayed")), seen::toString);
    }

    @Test
    void repeatedResponseHeaders_arriveWithEveryValue() {
        ApiResponse response = api.as("alice", ApiRequest.of("GET", "/api/faults/repeated-headers"));

        assertEquals(200, response.status(), response::toString);
        assertEquals(List.of("one", "two"), headerList(response, "X-Repeated"), response::toString);
        assertTrue(response.header("Set-Cookie").contains("first=1"), response::toString);
        assertTrue(response.header("Set-Cookie").contains("second=2"), response::toString);
    }

    @Test
    void unreachableTable_makesReadinessDown_andWritesFailWith503() {
        Map<String, Object> properties = backendProperties(BackendProperties.uniqueTableName());
        // Nothing listens on port 9 of loopback: every DynamoDB call fails fast.
        properties.put("aws.services.dynamodb.endpoint-override", "http://127.0.0.1:9");
        properties.put("helpdesk.create-table", "false");
        try (ServerUnderTest broken = runtime().start(properties)) {
            Api brokenApi = new Api(broken, pool);
            ApiResponse readiness = brokenApi.send(ApiRequest.of("GET", "/health/readiness"));
            ApiResponse ready = brokenApi.send(ApiRequest.of("GET", "/health/ready"));
            ApiResponse liveness = brokenApi.send(ApiRequest.of("GET", "/health/liveness"));
            ApiResponse create = brokenApi.create("alice", "Store is down", "high");

            assertEquals(503, readiness.status(), readiness::toString);
            assertEquals("DOWN", readiness.json().get("status").asText());
            assertEquals(503, ready.status(), ready::toString);
            assertEquals(200, liveness.status(), liveness::toString);
            assertProblem(create, 503, "service-unavailable");
        }
    }

    // ---- helpers ----

    protected ApiResponse patch(String user, String id, String ifMatch, Map<String, String> fields) {
        return api.as(user, ApiRequest.of("PATCH", "/api/tickets/" + id).header("If-Match", ifMatch)
                .json(Api.patchJson(fields)));
    }

    protected List<JsonNode> listAll(String user) {
        return listAll(user, null);
    }

    protected List<JsonNode> listAll(String user, String status) {
        List<JsonNode> all = new ArrayList<>();
        String cursor = null;
        for (int i = 0; i < 100; i++) {
            ApiRequest request = ApiRequest.of("GET", "/api/tickets").query("limit", "100");
            if (status != null) {
                request.query("status", status);
            }
            if (cursor != null) {
                request.query("cursor", cursor);
            }
            ApiResponse page = api.as(user, request);
            assertEquals(200, page.status(), page::toString);
            page.json().get("items").forEach(all::add);
            JsonNode next = page.json().get("next_cursor");
            if (next.isNull()) {
                return all;
            }
            cursor = next.asText();
        }
        throw new AssertionError("list never ended");
    }

    protected static Set<String> ids(List<JsonNode> tickets) {
        Set<String> ids = new HashSet<>();
        tickets.forEach(t -> ids.add(t.get("ticket_id").asText()));
        return ids;
    }

    private static Set<String> contractFields() {
        return Set.of("ticket_id", "title", "description", "severity", "category", "status", "requester",
                "assignee", "resolution", "workflow_log", "attachments", "created_at", "updated_at", "version");
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** A request sent as a browser page on the allowed origin sends it. */
    private static ApiRequest fromPage(ApiRequest request) {
        return request.header("Origin", ALLOWED_ORIGIN);
    }

    /** A comma-separated header's values, lower-cased, or an empty list when it is missing. */
    protected static List<String> headerList(ApiResponse response, String name) {
        String value = response.header(name);
        if (value == null) {
            return List.of();
        }
        List<String> values = new ArrayList<>();
        for (String part : value.split(",")) {
            if (!part.isBlank()) {
                values.add(part.trim().toLowerCase(java.util.Locale.ROOT));
            }
        }
        return values;
    }

    /**
     * Refused for want of a valid token: by the gateway's authorizer where one stands in front,
     * otherwise by the service with its problem+json.
     */
    protected void assertUnauthorized(ApiResponse response) {
        assertUnauthorized(server, response);
    }

    /** The same, for any scenario's runtime. */
    public static void assertUnauthorized(ServerUnderTest server, ApiResponse response) {
        if (server.authorizerInFront()) {
            assertGatewayUnauthorized(response);
        } else {
            assertProblem(response, 401, "unauthorized");
        }
    }

    /** API Gateway's own refusal: 401 {@code {"message":"Unauthorized"}}. */
    public static void assertGatewayUnauthorized(ApiResponse response) {
        assertEquals(401, response.status(), response::toString);
        assertEquals("Unauthorized", response.json().path("message").asText(), response::toString);
    }

    public static void assertProblem(ApiResponse response, int status, String type) {
        assertEquals(status, response.status(), response::toString);
        assertTrue(response.header("Content-Type") != null && response.header("Content-Type").startsWith(PROBLEM_JSON),
                () -> "problem+json expected: " + response);
        JsonNode body = response.json();
        assertEquals(TYPES + type, body.get("type").asText(), response::toString);
        assertEquals(status, body.get("status").asInt());
        assertNotNull(body.get("title"));
    }
}
