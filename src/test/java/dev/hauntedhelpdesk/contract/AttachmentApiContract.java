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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static dev.hauntedhelpdesk.contract.TicketApiContract.assertProblem;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The attachments API contract, written once and run through each runtime: multipart forms over
 * a real socket to Netty, and base64-encoded in API Gateway v1 and v2 events to the Lambda
 * handler. Every rejection is checked to leave neither a ticket nor a stored byte behind.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class AttachmentApiContract {

    /** Small limits keep the over-limit requests small. */
    protected static final int MAX_MB = 1;
    protected static final int MAX_FILES = 3;
    private static final long MAX_BYTES = MAX_MB * 1024L * 1024L;

    protected CognitoPool pool;
    protected ServerUnderTest server;
    protected Api api;
    protected AttachmentStores store;

    protected abstract RuntimeUnderTest runtime();

    /** Where this runtime keeps attachments: the filesystem (container default) or S3 (Lambda). */
    protected abstract AttachmentStores attachmentStore();

    @BeforeAll
    void startServer() {
        pool = CognitoPool.shared();
        store = attachmentStore();
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

    // ---- upload and download ----

    @Test
    void submit_createsTheTicketWithItsFiles_andEachDownloadsByteIdenticalWithItsSniffedType() {
        byte[] png = SampleFiles.png(5000, 1);
        byte[] jpeg = SampleFiles.jpeg(7000, 2);
        byte[] log = SampleFiles.log("2026-11-21 10:00:01 ERROR vpn: tunnel down — reconnecting…\n\tretry 3\r\n");
        Set<String> keysBefore = store.keys();
        ApiResponse created = api.as("alice", new Multipart()
                .ticket("VPN drops", "Screenshot and log attached", "high", "network")
                // Declared types and names are wrong on purpose: the bytes decide.
                .file("files[]", "screen.png", "image/png", png)
                .file("files[]", "photo.gif", "application/octet-stream", jpeg)
                .file("files[]", "vpn.log", null, log)
                .to("POST", "/api/submit-ticket"));

        assertEquals(201, created.status(), created::toString);
        JsonNode ticket = created.json();
        String id = ticket.get("ticket_id").asText();
        assertEquals("/api/tickets/" + id, created.header("Location"));
        assertEquals("\"1\"", created.header("ETag"));
        JsonNode files = ticket.get("attachments");
        assertEquals(3, files.size(), ticket::toString);
        assertAll(
                () -> assertAttachment(files.get(0), "screen.png", "image/png", png),
                () -> assertAttachment(files.get(1), "photo.gif", "image/jpeg", jpeg),
                () -> assertAttachment(files.get(2), "vpn.log", "text/plain", log));
        assertDownloads(id, files.get(0), "alice", png, "image/png");
        assertDownloads(id, files.get(1), "alice", jpeg, "image/jpeg");
        assertDownloads(id, files.get(2), "alice", log, "text/plain");
        Set<String> added = new java.util.HashSet<>(store.keys());
        added.removeAll(keysBefore);
        assertEquals(3, added.size(), "one stored object per file: " + added);
    }

    @Test
    void add_appendsFilesToAnExistingTicket_bumpsItsVersion_andLogsEachFile() {
        String id = createTicket("alice");
        byte[] gif = SampleFiles.gif(3000, 3);
        byte[] webp = SampleFiles.webp(4000, 4);
        byte[] bmp = SampleFiles.bmp(2000, 5);
        ApiResponse added = api.as("alice", new Multipart()
                .file("files[]", "a.gif", "image/gif", gif)
                .file("files[]", "b.webp", "image/webp", webp)
                .file("files", "c.bmp", "image/bmp", bmp)
                .to("POST", "/api/tickets/" + id + "/attachments"));

        assertEquals(200, added.status(), added::toString);
        JsonNode ticket = added.json();
        assertEquals("\"2\"", added.header("ETag"));
        assertEquals(2, ticket.get("version").asLong());
        JsonNode files = ticket.get("attachments");
        assertEquals(3, files.size());
        assertDownloads(id, files.get(0), "alice", gif, "image/gif");
        assertDownloads(id, files.get(1), "alice", webp, "image/webp");
        assertDownloads(id, files.get(2), "alice", bmp, "image/bmp");
        long logged = 0;
        for (JsonNode entry : ticket.get("workflow_log")) {
            if (entry.get("event").asText().equals("attachment_added")) {
                logged++;
            }
        }
        assertEquals(3, logged, ticket::toString);
    }

    @Test
    void add_keepsEarlierAttachments_andAStalePatchIsRefusedAfterwards() {
        String id = createTicket("alice");
        addOne("alice", id, "first.log", SampleFiles.log("one"));
        ApiResponse second = addOne("alice", id, "second.log", SampleFiles.log("two"));
        assertEquals(2, second.json().get("attachments").size(), second::toString);

        ApiResponse stale = api.as("alice", ApiRequest.of("PATCH", "/api/tickets/" + id).header("If-Match", "\"1\"")
                .json(Api.patchJson(Map.of("title", "edited"))));
        assertProblem(stale, 412, "precondition-failed");
    }

    // ---- limits and types: rejected whole, nothing left behind ----

    @Test
    void submit_returns413_whenOneFileIsOverTheLimit_andStoresNothing() {
        assertRejectedLeavingNothing(new Multipart().ticket("Big", "Too big a screenshot", "low", null)
                .file("files[]", "ok.png", "image/png", SampleFiles.png(100, 6))
                .file("files[]", "huge.png", "image/png", SampleFiles.png((int) MAX_BYTES + 1, 7)), 413,
                "payload-too-large");
    }

    @Test
    void submit_acceptsAFileOfExactlyTheLimit() {
        ApiResponse response = api.as("bob", new Multipart().ticket("Edge", "Exactly at the limit", "low", null)
                .file("files[]", "edge.png", "image/png", SampleFiles.png((int) MAX_BYTES, 8))
                .to("POST", "/api/submit-ticket"));
        assertEquals(201, response.status(), response::toString);
    }

    @Test
    void submit_returns415_forAScriptNamedAndDeclaredAsPng_andStoresNothing() {
        assertRejectedLeavingNothing(new Multipart().ticket("Sneaky", "Not really a picture", "low", null)
                .file("files[]", "fine.png", "image/png", SampleFiles.png(100, 9))
                .file("files[]", "evil.png", "image/png", SampleFiles.script()), 415, "unsupported-media-type");
        assertRejectedLeavingNothing(new Multipart().ticket("Binary", "Random bytes", "low", null)
                .file("files[]", "dump.txt", "text/plain", SampleFiles.binary(500, 10)), 415, "unsupported-media-type");
    }

    @Test
    void submit_returns413TooManyFiles_beyondTheLimitPerRequest_andStoresNothing() {
        Multipart form = new Multipart().ticket("Many", "Too many screenshots", "low", null);
        for (int i = 0; i <= MAX_FILES; i++) {
            form.file("files[]", "s" + i + ".png", "image/png", SampleFiles.png(200, 20 + i));
        }
        assertRejectedLeavingNothing(form, 413, "too-many-files");
    }

    @Test
    void submit_returns422ForBadTicketFields_andStoresNothing() {
        assertRejectedLeavingNothing(new Multipart().ticket("", "No title", "apocalyptic", null)
                .file("files[]", "s.png", "image/png", SampleFiles.png(200, 30)), 422, "validation-failed");
    }

    @Test
    void submit_returns400_forAMultipartBodyThatIsCutShort_orUsesAnotherBoundary() {
        Multipart form = new Multipart().ticket("Cut", "Truncated upload", "low", null)
                .file("files[]", "s.png", "image/png", SampleFiles.png(2000, 31));
        byte[] cut = java.util.Arrays.copyOf(form.bytes(), form.bytes().length / 2);
        ApiResponse truncated = api.as("bob", ApiRequest.of("POST", "/api/submit-ticket").body(form.contentType(), cut));
        ApiResponse otherBoundary = api.as("bob", ApiRequest.of("POST", "/api/submit-ticket")
                .body("multipart/form-data; boundary=not-the-one-used", form.bytes()));
        assertProblem(truncated, 400, "malformed-multipart");
        assertProblem(otherBoundary, 400, "malformed-multipart");
    }

    @Test
    void submit_returns415_forABodyThatIsNotMultipart() {
        ApiResponse response = api.as("bob", ApiRequest.of("POST", "/api/submit-ticket")
                .json(Api.ticketJson("JSON", "Wrong endpoint for JSON", "low", null)));
        assertProblem(response, 415, "unsupported-media-type");
    }

    // ---- names ----

    @Test
    void pathTraversalNames_areReducedToSafeLabels_andNeverUsedAsPaths() {
        Set<String> before = store.keys();
        String id = createTicket("alice");
        List<String> hostile = List.of("../../../../etc/passwd", "..\\..\\windows\\win.ini", "/tmp/abs.log",
                "....//x.log", "\"quoted\"\r\nX-Injected: 1.log", ".hidden");
        List<String> stored = new ArrayList<>();
        for (String name : hostile) {
            ApiResponse response = addOne("alice", id, name, SampleFiles.log("content of " + name));
            assertEquals(200, response.status(), response::toString);
            JsonNode files = response.json().get("attachments");
            stored.add(files.get(files.size() - 1).get("file_name").asText());
        }

        assertEquals(List.of("passwd", "win.ini", "abs.log", "x.log", "_22quoted_22_0D_0AX-Injected_ 1.log", "hidden"), stored);
        Set<String> added = new java.util.HashSet<>(store.keys());
        added.removeAll(before);
        assertEquals(hostile.size(), added.size(), added::toString);
        for (String key : added) {
            assertTrue(key.matches("attachments/[0-9a-f-]{36}"), key);
        }
        if (store instanceof AttachmentStores.FileSystem fs) {
            assertFalse(java.nio.file.Files.exists(fs.root().resolve("../etc/passwd").normalize()));
        }
        JsonNode files = api.as("alice", ApiRequest.of("GET", "/api/tickets/" + id)).json().get("attachments");
        Downloads.Download download = download("alice", id, files.get(4).get("attachment_id").asText());
        assertTrue(download.disposition().startsWith("attachment; filename=\""), download::toString);
        assertFalse(download.disposition().contains("\r"), download::toString);
    }

    // ---- visibility ----

    @Test
    void anotherRequester_gets404ForAnAttachment_asForAMissingOne_whileAgentsMayReadIt() {
        byte[] png = SampleFiles.png(1000, 40);
        ApiResponse created = api.as("alice", new Multipart().ticket("Private", "Only mine", "low", null)
                .file("files[]", "mine.png", "image/png", png).to("POST", "/api/submit-ticket"));
        String id = created.json().get("ticket_id").asText();
        String attachmentId = created.json().get("attachments").get(0).get("attachment_id").asText();

        assertProblem(download("bob", id, attachmentId).answer(), 404, "not-found");
        assertProblem(download("alice", id, UUID.randomUUID().toString()).answer(), 404, "not-found");
        assertProblem(download("alice", UUID.randomUUID().toString(), attachmentId).answer(), 404, "not-found");
        assertArrayEquals(png, download("carol", id, attachmentId).bytes());
    }

    @Test
    void anotherRequester_cannotAddFilesToATicketThatIsNotTheirs() {
        String id = createTicket("alice");
        Set<String> before = store.keys();
        ApiResponse response = addOne("bob", id, "intruder.png", SampleFiles.png(300, 41));
        assertProblem(response, 404, "not-found");
        assertEquals(before, store.keys());
    }

    @Test
    void attachmentRoutes_return401_withoutAToken() {
        String id = UUID.randomUUID().toString();
        TicketApiContract.assertUnauthorized(server,
                api.send(new Multipart().ticket("t", "d", "low", null).to("POST", "/api/submit-ticket")));
        TicketApiContract.assertUnauthorized(server,
                api.send(ApiRequest.of("GET", "/api/tickets/" + id + "/attachments/" + id)));
    }

    // ---- triage ----

    @Test
    void triageOnTheLocalEngine_logsPlainlyThatImageAnalysisWasNotAvailable() throws InterruptedException {
        ApiResponse created = api.as("alice", new Multipart().ticket("Error dialog", "See the screenshot", "medium", null)
                .file("files[]", "dialog.png", "image/png", SampleFiles.png(2000, 60))
                .to("POST", "/api/submit-ticket"));
        String id = created.json().get("ticket_id").asText();
        // Triage may already be running (it starts on create); then this answers 409 and the run ends anyway.
        api.as("alice", ApiRequest.of("POST", "/api/tickets/" + id + "/process"));

        JsonNode note = null;
        for (int i = 0; i < 120 && note == null; i++) {
            for (JsonNode entry : api.as("alice", ApiRequest.of("GET", "/api/tickets/" + id)).json().get("workflow_log")) {
                if (entry.get("event").asText().equals("image_analysis_unavailable")) {
                    note = entry;
                }
            }
            if (note == null) {
                Thread.sleep(250);
            }
        }
        assertTrue(note != null, "no note about image analysis in the workflow log");
        assertTrue(note.get("detail").asText().startsWith("Image analysis was not available"), note::toString);
    }

    // ---- helpers ----

    protected String createTicket(String user) {
        ApiResponse created = api.create(user, "Needs files " + UUID.randomUUID(), "medium");
        assertEquals(201, created.status(), created::toString);
        return created.json().get("ticket_id").asText();
    }

    protected ApiResponse addOne(String user, String ticketId, String fileName, byte[] content) {
        return api.as(user, new Multipart().file("files[]", fileName, null, content)
                .to("POST", "/api/tickets/" + ticketId + "/attachments"));
    }

    protected Downloads.Download download(String user, String ticketId, String attachmentId) {
        return Downloads.get(api, user, "/api/tickets/" + ticketId + "/attachments/" + attachmentId);
    }

    private void assertRejectedLeavingNothing(Multipart form, int status, String type) {
        Set<String> keysBefore = store.keys();
        int ticketsBefore = ticketCount("dave");
        ApiResponse response = api.as("bob", form.to("POST", "/api/submit-ticket"));
        assertProblem(response, status, type);
        assertEquals(keysBefore, store.keys(), "no bytes left behind");
        assertEquals(ticketsBefore, ticketCount("dave"), "no ticket created");
    }

    private int ticketCount(String staff) {
        int count = 0;
        String cursor = null;
        do {
            ApiRequest request = ApiRequest.of("GET", "/api/tickets").query("limit", "100");
            if (cursor != null) {
                request.query("cursor", cursor);
            }
            JsonNode page = api.as(staff, request).json();
            count += page.get("items").size();
            cursor = page.get("next_cursor").isNull() ? null : page.get("next_cursor").asText();
        } while (cursor != null);
        return count;
    }

    private void assertDownloads(String ticketId, JsonNode attachment, String user, byte[] expected, String type) {
        Downloads.Download download = download(user, ticketId, attachment.get("attachment_id").asText());
        assertEquals(200, download.status(), download::toString);
        assertEquals(store instanceof AttachmentStores.S3, download.redirected(), "S3 serves downloads itself: " + download);
        assertTrue(download.contentType().startsWith(type), download::toString);
        assertTrue(download.disposition().startsWith("attachment;"), download::toString);
        if (download.redirected()) {
            assertStorageLink(download);
            // moto ignores S3's response-* overrides; the object's own type is the sniffed one too.
            assertTrue(download.file().header("Content-Type").startsWith(type), download::toString);
        } else {
            assertEquals("nosniff", download.file().header("X-Content-Type-Options"), download::toString);
        }
        assertArrayEquals(expected, download.bytes(), "downloaded bytes differ for " + type);
    }

    /** A redirect to storage: short-lived, never cached, and the download headers signed in. */
    static void assertStorageLink(Downloads.Download download) {
        assertTrue(download.answer().header("Cache-Control").contains("no-store"), download::toString);
        int expires = Integer.parseInt(download.linkParameters().get("X-Amz-Expires"));
        assertTrue(expires > 0 && expires <= 600, download::toString);
        assertTrue(download.linkParameters().containsKey("X-Amz-Signature"), download::toString);
    }

    private static void assertAttachment(JsonNode node, String name, String type, byte[] content) {
        assertEquals(name, node.get("file_name").asText());
        assertEquals(type, node.get("content_type").asText());
        assertEquals(content.length, node.get("size").asLong());
        assertTrue(node.get("attachment_id").asText().matches("[0-9a-f-]{36}"));
    }
}
