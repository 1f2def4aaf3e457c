package dev.hauntedhelpdesk.contract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hauntedhelpdesk.testing.BackendProperties;
import dev.hauntedhelpdesk.testing.CognitoPool;
import dev.hauntedhelpdesk.testing.ForgedTokens;
import dev.hauntedhelpdesk.testing.MotoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.hauntedhelpdesk.contract.TicketApiContract.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * HTTP at its edges, the same in every runtime: input that cannot be a key or an identity is
 * refused before it reaches the store, every refusal is problem+json with a correlation id (also
 * for what the HTTP layer itself rejects), {@code If-Match} per RFC 9110, and one answer for
 * oversized heads, repeated query parameters and unsupported methods.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class HttpSemanticsApiContract {

    /** More than the service's 8 KiB limit for the request line and for the header fields, less than API Gateway's 10 KiB. */
    protected static final int OVERSIZED = 8_400;

    protected CognitoPool pool;
    protected ForgedTokens forged;
    protected ServerUnderTest server;
    protected Api api;

    protected abstract RuntimeUnderTest runtime();

    @BeforeAll
    void startServer() {
        pool = CognitoPool.shared();
        forged = ForgedTokens.start(pool);
        Map<String, Object> properties = BackendProperties.forApp(BackendProperties.uniqueTableName(),
                MotoServer.shared().endpoint(), pool);
        properties.put("helpdesk.cognito.jwks-url", forged.jwksUrl().toString());
        server = runtime().start(properties);
        api = new Api(server, pool);
    }

    @AfterAll
    void stopServer() {
        if (server != null) {
            server.close();
        }
        if (forged != null) {
            forged.close();
        }
    }

    // ---- ids and identities that cannot be keys ----

    @Test
    void ticketIdOfAnotherShape_isNotFound_onEveryTicketRoute() {
        for (String id : List.of("a".repeat(2_100), "not-a-ticket", UUID.randomUUID().toString().toUpperCase())) {
            String path = "/api/tickets/" + id;
            assertNotFound(api.as("alice", ApiRequest.of("GET", path)), id);
            assertNotFound(api.as("carol", ApiRequest.of("PATCH", path).header("If-Match", "\"1\"")
                    .json("{\"severity\":\"high\"}")), id);
            assertNotFound(api.as("dave", ApiRequest.of("DELETE", path)), id);
            assertNotFound(api.as("carol", ApiRequest.of("POST", path + "/process")), id);
            assertNotFound(api.as("alice", ApiRequest.of("GET", path + "/attachments/" + UUID.randomUUID())), id);
            assertNotFound(api.as("alice", new Multipart()
                    .file("files[]", "note.txt", "text/plain", "hello".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .to("POST", path + "/attachments")), id);
        }
    }

    @Test
    void tokenWithAProperSubject_fromTheTestKey_isAccepted() {
        // Without this, the refusals below could come from the test's key rather than the claim.
        String token = forged.accessToken("alice", Map.of());

        ApiResponse response = api.send(ApiRequest.of("GET", "/api/tickets").header("Authorization", "Bearer " + token));

        assertEquals(200, response.status(), response::toString);
    }

    @Test
    void tokenWithAnEmptyOrOversizedSubject_isRefused401() {
        for (String sub : List.of("", " ", "x".repeat(2_100))) {
            String token = forged.accessToken("alice", Map.of("sub", sub));
            ApiResponse list = api.send(ApiRequest.of("GET", "/api/tickets").header("Authorization", "Bearer " + token));
            ApiResponse create = api.send(ApiRequest.of("POST", "/api/tickets").header("Authorization", "Bearer " + token)
                    .json(Api.ticketJson("Who am I", "No subject", "low", null)));

            // A JWT authorizer checks signature, issuer, audience and times, not sub: the service refuses it.
            assertProblem(list, 401, "unauthorized");
            assertProblem(create, 401, "unauthorized");
            assertCorrelated(create);
        }
    }

    @Test
    void controlCharacterInAHeader_isA400Problem_withACorrelationId() {
        ApiResponse response = api.as("alice", ApiRequest.of("GET", "/api/tickets").header("X-Note", "a\u0000b"));

        assertProblem(response, 400, "bad-request");
        assertCorrelated(response);
    }

    @Test
    void headerValueWithSpacesAroundIt_isReadWithoutThem() {
        // Optional whitespace around a field value is not part of it (RFC 9112 5.1).
        ApiResponse response = api.as("alice", ApiRequest.of("GET", "/api/tickets")
                .header("X-Correlation-ID", "  spaced-id\t "));

        assertEquals(200, response.status(), response::toString);
        assertEquals("spaced-id", response.header("X-Correlation-ID"));
    }

    // ---- If-Match (RFC 9110 13.1.1: strong comparison) ----

    @Test
    void ifMatch_withAWeakTag_neverMatches() {
        String id = created("Weak tag");

        ApiResponse response = patch(id, "W/\"1\"");

        assertProblem(response, 412, "precondition-failed");
        assertEquals(1, version(id));
    }

    @Test
    void ifMatch_withoutQuotes_isNotAnEntityTag() {
        String id = created("Bare version");

        ApiResponse response = patch(id, "1");

        assertProblem(response, 400, "invalid-parameter");
        assertTrue(response.json().path("detail").asText().contains("If-Match"), response::toString);
        assertEquals(1, version(id));
    }

    @Test
    void ifMatch_star_matchesAnExistingTicket() {
        String id = created("Any version");

        ApiResponse response = patch(id, "*");

        assertEquals(200, response.status(), response::toString);
        assertEquals("\"2\"", response.header("ETag"));
        assertProblem(patch(UUID.randomUUID().toString(), "*"), 404, "not-found");
    }

    @Test
    void ifMatch_list_matchesWhenAnyTagMatchesStrongly() {
        String id = created("Tag list");

        assertEquals(200, patch(id, "\"7\", \"1\"").status());
        assertProblem(patch(id, "\"1\", W/\"2\""), 412, "precondition-failed");
        assertProblem(patch(id, "\"2\", "), 400, "invalid-parameter");
    }

    // ---- sizes of the request head ----

    @Test
    void oversizedHeaderFields_are431_withACorrelationId() {
        ApiResponse response = api.send(ApiRequest.of("GET", "/health").header("X-Padding", "p".repeat(OVERSIZED)));

        assertProblem(response, 431, "request-header-fields-too-large");
        assertCorrelated(response);
    }

    @Test
    void oversizedUri_is414_withACorrelationId() {
        ApiResponse response = api.send(ApiRequest.of("GET", "/health").query("padding", "p".repeat(OVERSIZED)));

        assertProblem(response, 414, "uri-too-long");
        assertCorrelated(response);
    }

    // ---- query parameters ----

    @Test
    void repeatedQueryParameter_is400_namingIt() {
        for (String name : List.of("limit", "status", "cursor")) {
            String value = name.equals("limit") ? "5" : name.equals("status") ? "pending" : "x";
            ApiResponse response = api.as("alice", ApiRequest.of("GET", "/api/tickets")
                    .addQuery(name, value).addQuery(name, value));

            assertProblem(response, 400, "invalid-parameter");
            assertTrue(response.json().path("detail").asText().startsWith(name + ":"), response::toString);
            assertCorrelated(response);
        }
    }

    @Test
    void queryValueWithAComma_isRefusedLikeARepeat() {
        // API Gateway's HTTP API joins a repeated parameter with commas, so a comma cannot be told from a repeat.
        ApiResponse response = api.as("alice", ApiRequest.of("GET", "/api/tickets").query("limit", "5,6"));

        assertProblem(response, 400, "invalid-parameter");
        assertTrue(response.json().path("detail").asText().startsWith("limit:"), response::toString);
    }

    // ---- methods ----

    @Test
    void unsupportedMethods_are405_withAllow() {
        for (String method : List.of("TRACE", "PUT", "BREW")) {
            ApiResponse response = api.as("alice", ApiRequest.of(method, "/api/tickets"));

            assertProblem(response, 405, "method-not-allowed");
            List<String> allowed = TicketApiContract.headerList(response, "Allow");
            assertTrue(allowed.containsAll(List.of("get", "post")), () -> method + ": " + response);
            assertFalse(allowed.contains(method.toLowerCase(java.util.Locale.ROOT)), response::toString);
            assertCorrelated(response);
        }
    }

    // ---- helpers ----

    private String created(String title) {
        ApiResponse response = api.create("alice", title, "low");
        assertEquals(201, response.status(), response::toString);
        return response.json().get("ticket_id").asText();
    }

    private ApiResponse patch(String id, String ifMatch) {
        return api.as("carol", ApiRequest.of("PATCH", "/api/tickets/" + id).header("If-Match", ifMatch)
                .json("{\"severity\":\"high\"}"));
    }

    private long version(String id) {
        return api.as("alice", ApiRequest.of("GET", "/api/tickets/" + id)).json().get("version").asLong();
    }

    private static void assertNotFound(ApiResponse response, String id) {
        String shown = id.length() > 40 ? id.substring(0, 40) + "..." : id;
        assertEquals(404, response.status(), () -> shown + ": " + response);
        assertProblem(response, 404, "not-found");
    }

    /** The problem carries the correlation id that the response header echoes. */
    protected static void assertCorrelated(ApiResponse response) {
        String header = response.header("X-Correlation-ID");
        assertNotNull(header, () -> "no X-Correlation-ID: " + response);
        JsonNode body = response.json();
        assertEquals(header, body.path("correlation_id").asText(), response::toString);
    }
}
