package dev.hauntedhelpdesk.contract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hauntedhelpdesk.testing.AttachmentStores;
import dev.hauntedhelpdesk.testing.BackendProperties;
import dev.hauntedhelpdesk.testing.CognitoPool;
import dev.hauntedhelpdesk.testing.MotoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static dev.hauntedhelpdesk.contract.TicketApiContract.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Upload sizes as deployed: a 20 MB limit per file, so files of 10 and 15 MiB are ordinary
 * uploads, and one byte over the limit is 413, never 400. Where a gateway stands in front
 * (Lambda: API Gateway and Lambda's 6 MB invocation payload), a body beyond what it accepts gets
 * the gateway's own 413 and never reaches the service; within it, the service's limits answer.
 * Also the submit form's {@code Idempotency-Key}: a retry must carry the same files to be replayed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class UploadLimitsApiContract {

    protected static final int MAX_MB = 20;
    protected static final int MAX_FILES = 3;
    protected static final long MAX_BYTES = MAX_MB * 1024L * 1024L;
    private static final int MIB = 1024 * 1024;

    protected ServerUnderTest server;
    protected Api api;
    protected AttachmentStores store;

    protected abstract RuntimeUnderTest runtime();

    protected abstract AttachmentStores attachmentStore();

    /**
     * What the gateway in front of the service answers by itself to a request body of this many
     * bytes; empty when the request reaches the service (no gateway, or within its limits).
     */
    protected Optional<GatewayRefusal> refusedByTheGateway(long bodyBytes) {
        return Optional.empty();
    }

    /** A gateway's own answer: its status and the {@code message} of its JSON body. */
    public record GatewayRefusal(int status, String message) {
    }

    @BeforeAll
    void startServer() {
        store = attachmentStore();
        CognitoPool pool = CognitoPool.shared();
        Map<String, Object> properties = BackendProperties.forApp(BackendProperties.uniqueTableName(),
                MotoServer.shared().endpoint(), pool);
        properties.put("helpdesk.max-upload-size-mb", Integer.toString(MAX_MB));
        properties.put("helpdesk.max-files-per-request", Integer.toString(MAX_FILES));
        properties.putAll(store.properties());
        server = runtime().start(properties);
        api = new Api(server, pool);
    }

    @AfterAll
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    // ---- sizes from the report: accepted where nothing in front refuses them ----

    @Test
    void submit_acceptsAFileOfExactly10MiB_underA20MbLimit() {
        assertAcceptedUnlessTheGatewayRefuses(SampleFiles.png(10 * MIB, 70));
    }

    @Test
    void submit_acceptsAFileOf15MiB_underA20MbLimit() {
        assertAcceptedUnlessTheGatewayRefuses(SampleFiles.png(15 * MIB, 71));
    }

    @Test
    void submit_acceptsAFileOfExactlyTheLimit_andEveryFileAtTheLimitAtOnce() {
        byte[] atLimit = SampleFiles.png((int) MAX_BYTES, 72);
        Multipart form = form("At the limit");
        for (int i = 0; i < MAX_FILES; i++) {
            form.file("files[]", "full-" + i + ".png", "image/png", atLimit);
        }
        assertAcceptedUnlessTheGatewayRefuses(form, MAX_FILES);
    }

    @Test
    void submit_returns413_notMalformed_forAFileOneByteOverTheLimit_andStoresNothing() {
        Multipart form = form("One byte over").file("files[]", "over.png", "image/png",
                SampleFiles.png((int) MAX_BYTES + 1, 73));
        assertTooLargeLeavingNothing(form, "payload-too-large");
    }

    @Test
    void submit_returns413_forABodyOverTheRequestLimit_evenWithEveryFileWithinItsOwn() {
        // Four files within the per-file limit: the body is over files x limit plus the form.
        Multipart form = form("Too much at once");
        byte[] big = SampleFiles.png((int) MAX_BYTES - 1, 74);
        for (int i = 0; i <= MAX_FILES; i++) {
            form.file("files[]", "part-" + i + ".png", "image/png", big);
        }
        assertTooLargeLeavingNothing(form, "payload-too-large");
    }

    // ---- Idempotency-Key on the submit form: the files are part of the request ----

    @Test
    void submit_replaysTheTicket_whenTheKeyRepeatsWithTheSameFiles_andStoresNoSecondCopy() {
        String key = UUID.randomUUID().toString();
        byte[] png = SampleFiles.png(4000, 80);
        byte[] log = SampleFiles.log("vpn: tunnel down\n");
        ApiResponse first = submitWithKey(key, "Same files", png, log);
        assertEquals(201, first.status(), first::toString);
        Set<String> keysAfterFirst = store.keys();

        ApiResponse retry = submitWithKey(key, "Same files", png, log);

        assertEquals(201, retry.status(), retry::toString);
        assertEquals("true", retry.header("Idempotent-Replayed"), retry::toString);
        assertEquals(first.json().get("ticket_id").asText(), retry.json().get("ticket_id").asText());
        assertEquals(first.json().get("attachments"), retry.json().get("attachments"));
        assertEquals(keysAfterFirst, store.keys(), "a replay stores no second copy of the files");
    }

    @Test
    void submit_returns422_whenTheKeyIsReusedWithOtherFiles_andKeepsTheFirstTicketAsItWas() {
        String key = UUID.randomUUID().toString();
        byte[] png = SampleFiles.png(4000, 81);
        ApiResponse first = submitWithKey(key, "Other files", png);
        assertEquals(201, first.status(), first::toString);
        String id = first.json().get("ticket_id").asText();
        Set<String> keysAfterFirst = store.keys();

        ApiResponse otherContent = submitWithKey(key, "Other files", SampleFiles.png(4000, 82));
        ApiResponse anotherFile = submitWithKey(key, "Other files", png, SampleFiles.log("more"));
        ApiResponse noFiles = submitWithKey(key, "Other files");
        ApiResponse renamed = api.as("alice", form("Other files").file("files[]", "renamed.png", "image/png", png)
                .to("POST", "/api/submit-ticket").header("Idempotency-Key", key));

        assertProblem(otherContent, 422, "idempotency-key-reused");
        assertProblem(anotherFile, 422, "idempotency-key-reused");
        assertProblem(noFiles, 422, "idempotency-key-reused");
        assertProblem(renamed, 422, "idempotency-key-reused");
        assertEquals(keysAfterFirst, store.keys(), "a refused retry leaves its files nowhere");
        JsonNode ticket = api.as("alice", ApiRequest.of("GET", "/api/tickets/" + id)).json();
        assertEquals(first.json().get("attachments"), ticket.get("attachments"));
        assertEquals(1, ticket.get("version").asLong());
    }

    @Test
    void submit_withAnotherKey_andTheSameFiles_opensASecondTicket() {
        byte[] png = SampleFiles.png(3000, 83);
        ApiResponse first = submitWithKey(UUID.randomUUID().toString(), "Two keys", png);
        ApiResponse second = submitWithKey(UUID.randomUUID().toString(), "Two keys", png);
        assertEquals(201, first.status(), first::toString);
        assertEquals(201, second.status(), second::toString);
        assertNotEquals(first.json().get("ticket_id").asText(), second.json().get("ticket_id").asText());
    }

    // ---- helpers ----

    private static Multipart form(String title) {
        return new Multipart().ticket(title, "Upload limits: " + title, "low", null);
    }

    private ApiResponse submitWithKey(String key, String title, byte[]... files) {
        Multipart form = form(title);
        for (int i = 0; i < files.length; i++) {
            form.file("files[]", "file-" + i + (files[i][0] == (byte) 0x89 ? ".png" : ".log"), null, files[i]);
        }
        return api.as("alice", form.to("POST", "/api/submit-ticket").header("Idempotency-Key", key));
    }

    private void assertAcceptedUnlessTheGatewayRefuses(byte[] file) {
        assertAcceptedUnlessTheGatewayRefuses(form("Large screenshot").file("files[]", "large.png", "image/png", file), 1);
    }

    private void assertAcceptedUnlessTheGatewayRefuses(Multipart form, int files) {
        Set<String> keysBefore = store.keys();
        int ticketsBefore = ticketCount();
        ApiRequest request = form.to("POST", "/api/submit-ticket");
        Optional<GatewayRefusal> refusal = refusedByTheGateway(request.body().length);

        ApiResponse response = api.as("bob", request);

        if (refusal.isPresent()) {
            assertGatewayRefusal(response, refusal.get());
            assertEquals(keysBefore, store.keys(), "nothing stored");
            assertEquals(ticketsBefore, ticketCount(), "no ticket created");
            return;
        }
        assertEquals(201, response.status(), response::toString);
        JsonNode attachments = response.json().get("attachments");
        assertEquals(files, attachments.size(), response::toString);
        Set<String> added = new HashSet<>(store.keys());
        added.removeAll(keysBefore);
        assertEquals(files, added.size(), () -> "one stored object per file: " + added);
        for (JsonNode attachment : attachments) {
            assertEquals("image/png", attachment.get("content_type").asText());
        }
    }

    private void assertTooLargeLeavingNothing(Multipart form, String type) {
        Set<String> keysBefore = store.keys();
        int ticketsBefore = ticketCount();
        ApiRequest request = form.to("POST", "/api/submit-ticket");
        Optional<GatewayRefusal> refusal = refusedByTheGateway(request.body().length);

        ApiResponse response = api.as("bob", request);

        if (refusal.isPresent()) {
            assertGatewayRefusal(response, refusal.get());
        } else {
            assertProblem(response, 413, type);
            assertFalse(response.json().path("correlation_id").asText().isEmpty(), response::toString);
        }
        assertEquals(keysBefore, store.keys(), "nothing stored");
        assertEquals(ticketsBefore, ticketCount(), "no ticket created");
    }

    private static void assertGatewayRefusal(ApiResponse response, GatewayRefusal refusal) {
        assertEquals(refusal.status(), response.status(), response::toString);
        assertEquals(refusal.message(), response.json().get("message").asText(), response::toString);
    }

    private int ticketCount() {
        int count = 0;
        String cursor = null;
        do {
            ApiRequest request = ApiRequest.of("GET", "/api/tickets").query("limit", "100");
            if (cursor != null) {
                request.query("cursor", cursor);
            }
            JsonNode page = api.as("dave", request).json();
            count += page.get("items").size();
            cursor = page.get("next_cursor").isNull() ? null : page.get("next_cursor").asText();
        } while (cursor != null);
        return count;
    }
}
