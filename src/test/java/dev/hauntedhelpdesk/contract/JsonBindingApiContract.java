package dev.hauntedhelpdesk.contract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hauntedhelpdesk.testing.BackendProperties;
import dev.hauntedhelpdesk.testing.CognitoPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static dev.hauntedhelpdesk.contract.TicketApiContract.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Strict JSON bodies on every JSON endpoint: a value of the wrong JSON type is 422 naming the
 * field (never coerced: no array unwrapped, no number or boolean read as text), enum values match
 * their lower-case wire names exactly, a body is exactly one JSON object in UTF-8 (trailing content,
 * duplicate keys and bytes that are not UTF-8 are 400 malformed-json), escaped lone surrogates are
 * 422 naming the field, and a body needs {@code Content-Type: application/json} (415 without it).
 * A refused request changes nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class JsonBindingApiContract {

    private static final String VALID = "{\"title\":\"VPN drops\",\"description\":\"Every five minutes\","
            + "\"severity\":\"high\"}";

    private ServerUnderTest server;
    private Api api;

    protected abstract RuntimeUnderTest runtime();

    @BeforeAll
    void startServer() {
        server = runtime().start(BackendProperties.forApp(BackendProperties.uniqueTableName()));
        api = new Api(server, CognitoPool.shared());
    }

    @AfterAll
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    // ---- types ----

    @Test
    void create_refusesAnArrayWhereAStringBelongs_namingTheField_andStoresNothing() {
        assertRefusedCreate("{\"title\":[\"VPN drops\"],\"description\":\"d\",\"severity\":\"high\"}", 422,
                "validation-failed", Set.of("title"));
    }

    @Test
    void create_refusesNumbersBooleansAndObjectsWhereStringsBelong_namingEachField() {
        assertRefusedCreate("{\"title\":false,\"description\":42,\"severity\":\"high\",\"category\":{\"is\":\"network\"}}",
                422, "validation-failed", Set.of("title", "description", "category"));
    }

    @Test
    void create_refusesANumberAndABooleanWhereStringsBelong() {
        assertRefusedCreate("{\"title\":false,\"description\":42,\"severity\":\"high\"}", 422, "validation-failed",
                Set.of("title", "description"));
    }

    @Test
    void create_refusesFieldsTheContractDoesNotHave() {
        assertRefusedCreate("{\"title\":\"t\",\"description\":\"d\",\"severity\":\"high\",\"requester\":\"someone-else\"}",
                422, "validation-failed", Set.of("requester"));
    }

    @Test
    void create_refusesABodyThatIsNotAJsonObject() {
        for (String body : List.of("[" + VALID + "]", "\"" + VALID.replace("\"", "\\\"") + "\"", "null", "42")) {
            assertRefusedCreate(body, 422, "validation-failed", Set.of("body"));
        }
        assertRefusedCreate("", 400, "malformed-json", null);
    }

    @Test
    void patch_refusesValuesOfTheWrongType_namingEachField_andChangesNothing() {
        String id = createTicket();

        assertRefusedPatch(id, "{\"title\":[\"new\"],\"assignee\":5,\"severity\":true}", 422, "validation-failed",
                Set.of("title", "assignee", "severity"));
        assertRefusedPatch(id, "[{\"title\":\"new\"}]", 422, "validation-failed", Set.of("body"));
    }

    @Test
    void uploadUrl_refusesASizeThatIsNotAWholeNumber() {
        String id = createTicket();
        for (String size : List.of("\"100\"", "[100]", "1.5", "true", "100.0")) {
            ApiResponse response = api.as("alice", ApiRequest.of("POST", "/api/tickets/" + id + "/attachments/upload-url")
                    .json("{\"size\":" + size + "}"));
            assertProblem(response, 422, "validation-failed");
            assertEquals(Set.of("size"), errorFields(response), () -> size + ": " + response);
        }
        assertEquals(1, ticket(id).get("version").asLong());
    }

    @Test
    void confirm_refusesAFileNameThatIsNotAString() {
        String id = createTicket();
        String attachment = UUID.randomUUID().toString();
        ApiResponse response = api.as("alice", ApiRequest.of("POST", "/api/tickets/" + id + "/attachments/"
                + attachment + "/confirm").json("{\"file_name\":[\"crash.png\"]}"));

        assertProblem(response, 422, "validation-failed");
        assertEquals(Set.of("file_name"), errorFields(response), response::toString);
    }

    // ---- enums ----

    @Test
    void create_refusesEnumValuesThatAreNotTheExactWireName() {
        assertRefusedCreate("{\"title\":\"t\",\"description\":\"d\",\"severity\":\"HIGH\"}", 422, "validation-failed",
                Set.of("severity"));
        assertRefusedCreate("{\"title\":\"t\",\"description\":\"d\",\"severity\":\" high \",\"category\":\"Network\"}",
                422, "validation-failed", Set.of("severity", "category"));
    }

    @Test
    void patch_refusesEnumValuesThatAreNotTheExactWireName() {
        String id = createTicket();

        assertRefusedPatch(id, "{\"severity\":\"Critical\"}", 422, "validation-failed", Set.of("severity"));
        assertRefusedPatch(id, "{\"status\":\"PROCESSING\",\"category\":\"network \"}", 422, "validation-failed",
                Set.of("status", "category"));
    }

    // ---- one document ----

    @Test
    void create_refusesContentAfterTheJsonDocument() {
        for (String body : List.of(VALID + "{\"title\":\"second\"}", VALID + " x", VALID + "]", VALID + VALID)) {
            assertRefusedCreate(body, 400, "malformed-json", null);
        }
    }

    @Test
    void create_acceptsWhitespaceAfterTheJsonDocument() {
        ApiResponse response = api.as("bob", ApiRequest.of("POST", "/api/tickets").json(VALID + " \r\n\t "));

        assertEquals(201, response.status(), response::toString);
    }

    @Test
    void patch_refusesContentAfterTheJsonDocument() {
        String id = createTicket();

        assertRefusedPatch(id, "{\"severity\":\"low\"} {\"severity\":\"critical\"}", 400, "malformed-json", null);
    }

    @Test
    void create_refusesDuplicateKeys() {
        assertRefusedCreate("{\"title\":\"first\",\"title\":\"second\",\"description\":\"d\",\"severity\":\"high\"}",
                400, "malformed-json", null);
    }

    @Test
    void patch_refusesDuplicateKeys() {
        String id = createTicket();

        assertRefusedPatch(id, "{\"severity\":\"low\",\"severity\":\"critical\"}", 400, "malformed-json", null);
    }

    // ---- media type ----

    @Test
    void create_refusesABodyWithoutContentType() {
        assertRefusedCreate(ApiRequest.of("POST", "/api/tickets")
                .untypedBody(VALID.getBytes(StandardCharsets.UTF_8)), 415, "unsupported-media-type", null);
    }

    @Test
    void create_refusesJsonDeclaredInAnotherCharset() {
        assertRefusedCreate(ApiRequest.of("POST", "/api/tickets").body("application/json; charset=iso-8859-1",
                VALID.getBytes(StandardCharsets.ISO_8859_1)), 415, "unsupported-media-type", null);
    }

    @Test
    void create_acceptsJsonWithAUtf8CharsetParameter() {
        for (String type : List.of("application/json; charset=utf-8", "application/json;charset=UTF-8")) {
            ApiResponse response = api.as("bob", ApiRequest.of("POST", "/api/tickets")
                    .body(type, VALID.getBytes(StandardCharsets.UTF_8)));
            assertEquals(201, response.status(), () -> type + ": " + response);
        }
    }

    @Test
    void patch_refusesABodyWithoutContentType_andKeepsRefusingOtherTypes() {
        String id = createTicket();
        byte[] body = "{\"severity\":\"low\"}".getBytes(StandardCharsets.UTF_8);

        assertRefusedPatch(id, ApiRequest.of("PATCH", "/api/tickets/" + id).untypedBody(body), 415, "unsupported-media-type", null);
        assertRefusedPatch(id, ApiRequest.of("PATCH", "/api/tickets/" + id).body("application/merge-patch+json", body),
                415, "unsupported-media-type", null);
    }

    @Test
    void uploadUrl_refusesABodyWithoutContentType() {
        String id = createTicket();
        ApiResponse response = api.as("alice", ApiRequest.of("POST", "/api/tickets/" + id + "/attachments/upload-url")
                .untypedBody("{\"size\":10}".getBytes(StandardCharsets.UTF_8)));

        assertProblem(response, 415, "unsupported-media-type");
    }

    // ---- text ----

    @Test
    void create_refusesEscapedLoneSurrogates_namingTheField() {
        assertRefusedCreate("{\"title\":\"VPN \\uD800 drops\",\"description\":\"d\",\"severity\":\"high\"}", 422,
                "validation-failed", Set.of("title"));
        assertRefusedCreate("{\"title\":\"t\",\"description\":\"ends high \\uD83D\",\"severity\":\"high\","
                + "\"category\":\"\\uDE00network\"}", 422, "validation-failed", Set.of("description", "category"));
    }

    @Test
    void patch_refusesEscapedLoneSurrogates_namingTheField() {
        String id = createTicket();

        assertRefusedPatch(id, "{\"title\":\"low \\uDC00 first\"}", 422, "validation-failed", Set.of("title"));
    }

    @Test
    void create_keepsAnEscapedSurrogatePair_asTheCharacterItEncodes() {
        ApiResponse response = api.as("bob", ApiRequest.of("POST", "/api/tickets")
                .json("{\"title\":\"Ghost \\uD83D\\uDC7B in the printer\",\"description\":\"d\",\"severity\":\"low\"}"));

        assertEquals(201, response.status(), response::toString);
        assertEquals("Ghost \uD83D\uDC7B in the printer", response.json().get("title").asText());
    }

    @Test
    void create_refusesBytesThatAreNotUtf8() {
        // A truncated two-byte sequence, a UTF-8-encoded lone surrogate (CESU-8), and Latin-1 "é".
        for (byte[] bad : List.of(new byte[]{(byte) 0xC3, '('}, new byte[]{(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                new byte[]{(byte) 0xE9})) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes("{\"title\":\"caf".getBytes(StandardCharsets.UTF_8));
            body.writeBytes(bad);
            body.writeBytes("\",\"description\":\"d\",\"severity\":\"high\"}".getBytes(StandardCharsets.UTF_8));
            assertRefusedCreate(ApiRequest.of("POST", "/api/tickets").body("application/json", body.toByteArray()),
                    400, "malformed-json", null);
        }
    }

    @Test
    void patch_refusesBytesThatAreNotUtf8() {
        String id = createTicket();
        byte[] body = "{\"title\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);

        assertRefusedPatch(id, ApiRequest.of("PATCH", "/api/tickets/" + id).body("application/json", body), 400,
                "malformed-json", null);
    }

    // ---- helpers ----

    private String createTicket() {
        ApiResponse created = api.create("alice", "Strict " + UUID.randomUUID(), "low");
        assertEquals(201, created.status(), created::toString);
        return created.json().get("ticket_id").asText();
    }

    private JsonNode ticket(String id) {
        ApiResponse response = api.as("alice", ApiRequest.of("GET", "/api/tickets/" + id));
        assertEquals(200, response.status(), response::toString);
        return response.json();
    }

    private void assertRefusedCreate(String json, int status, String type, Set<String> fields) {
        assertRefusedCreate(ApiRequest.of("POST", "/api/tickets").json(json), status, type, fields);
    }

    /** The request is refused as expected (naming exactly {@code fields}, when given) and bob has no new ticket. */
    private void assertRefusedCreate(ApiRequest request, int status, String type, Set<String> fields) {
        Set<String> before = ticketIds("bob");
        ApiResponse response = api.as("bob", request);

        assertProblem(response, status, type);
        if (fields != null) {
            assertEquals(fields, errorFields(response), response::toString);
        }
        assertEquals(before, ticketIds("bob"), () -> "a ticket was stored: " + response);
    }

    private void assertRefusedPatch(String id, String json, int status, String type, Set<String> fields) {
        assertRefusedPatch(id, ApiRequest.of("PATCH", "/api/tickets/" + id).json(json), status, type, fields);
    }

    /** An agent's patch with the right If-Match is refused as expected, and the ticket is unchanged. */
    private void assertRefusedPatch(String id, ApiRequest request, int status, String type, Set<String> fields) {
        JsonNode before = ticket(id);
        ApiResponse response = api.as("carol", request.header("If-Match", "\"" + before.get("version").asLong() + "\""));

        assertProblem(response, status, type);
        if (fields != null) {
            assertEquals(fields, errorFields(response), response::toString);
        }
        assertEquals(before, ticket(id), () -> "the ticket changed: " + response);
    }

    private static Set<String> errorFields(ApiResponse response) {
        Set<String> fields = new HashSet<>();
        JsonNode errors = response.json().path("errors");
        assertTrue(errors.isArray(), response::toString);
        errors.forEach(e -> fields.add(e.get("field").asText()));
        return fields;
    }

    /** Every ticket id a user sees, page by page. */
    private Set<String> ticketIds(String user) {
        Set<String> ids = new HashSet<>();
        String cursor = null;
        for (int i = 0; i < 100; i++) {
            ApiRequest request = ApiRequest.of("GET", "/api/tickets").query("limit", "100");
            if (cursor != null) {
                request.query("cursor", cursor);
            }
            ApiResponse page = api.as(user, request);
            assertEquals(200, page.status(), page::toString);
            page.json().get("items").forEach(t -> ids.add(t.get("ticket_id").asText()));
            JsonNode next = page.json().get("next_cursor");
            if (next.isNull()) {
                return ids;
            }
            cursor = next.asText();
        }
        throw new AssertionError("list never ended");
    }
}
