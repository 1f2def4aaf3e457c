package dev.hauntedhelpdesk.contract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hauntedhelpdesk.testing.AttachmentStores;
import dev.hauntedhelpdesk.testing.BackendProperties;
import dev.hauntedhelpdesk.testing.CognitoPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static dev.hauntedhelpdesk.contract.TicketApiContract.assertProblem;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Large files bypass API Gateway's payload limit: the client asks for a presigned S3 PUT URL,
 * uploads straight to the bucket (moto's here), then confirms; the service validates what
 * arrived exactly like a multipart file and deletes whatever it refuses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class DirectUploadApiContract {

    /** Room for a file larger than a Lambda response may be. */
    private static final int MAX_MB = 8;
    private static final long MAX_BYTES = MAX_MB * 1024L * 1024L;

    private final HttpClient http = HttpClient.newHttpClient();
    private ServerUnderTest server;
    private Api api;
    private AttachmentStores.S3 store;

    protected abstract RuntimeUnderTest runtime();

    @BeforeAll
    void startServer() {
        store = (AttachmentStores.S3) AttachmentStores.s3();
        Map<String, Object> properties = BackendProperties.forApp(BackendProperties.uniqueTableName());
        properties.put("helpdesk.max-upload-size-mb", Integer.toString(MAX_MB));
        properties.putAll(store.properties());
        server = runtime().start(properties);
        api = new Api(server, CognitoPool.shared());
    }

    @AfterAll
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void presignedUpload_thenConfirm_recordsTheFile_andItDownloadsByteIdentical() {
        String id = createTicket("alice");
        byte[] png = SampleFiles.png(300_000, 50);
        JsonNode grant = grant("alice", id, png.length);

        assertEquals("PUT", grant.get("method").asText());
        assertEquals(Long.toString(png.length), grant.get("headers").get("Content-Length").asText());
        assertTrue(grant.get("upload_url").asText().contains("X-Amz-Signature="), grant::toString);
        assertEquals(200, put(grant, png));
        ApiResponse confirmed = confirm("alice", grant, "big screen.png");

        assertEquals(200, confirmed.status(), confirmed::toString);
        JsonNode attachment = confirmed.json().get("attachments").get(0);
        assertEquals("big screen.png", attachment.get("file_name").asText());
        assertEquals("image/png", attachment.get("content_type").asText());
        assertEquals(png.length, attachment.get("size").asLong());
        Downloads.Download download = Downloads.get(api, "alice",
                "/api/tickets/" + id + "/attachments/" + attachment.get("attachment_id").asText());
        assertEquals(200, download.status(), download::toString);
        assertArrayEquals(png, download.bytes());
        assertFalse(store.keys().stream().anyMatch(k -> k.contains("incoming/" + id)), "the staged upload is gone");

        ApiResponse again = confirm("alice", grant, "big screen.png");
        assertEquals(1, again.json().get("attachments").size(), "confirming twice records the file once");
    }

    /**
     * 6 MiB: more than Lambda may return (6 MB, and base64 adds a third), so only a download that
     * does not pass through the function can deliver it.
     */
    @Test
    void aFileLargerThanALambdaResponse_uploadsDirectly_andDownloadsByteIdentical_fromStorage() {
        String id = createTicket("alice");
        byte[] png = SampleFiles.png(6 * 1024 * 1024, 51);
        JsonNode grant = grant("alice", id, png.length);
        assertEquals(200, put(grant, png));
        ApiResponse confirmed = confirm("alice", grant, "full screen.png");
        assertEquals(200, confirmed.status(), confirmed::toString);
        String attachmentId = confirmed.json().get("attachments").get(0).get("attachment_id").asText();

        Downloads.Download download = Downloads.get(api, "alice", "/api/tickets/" + id + "/attachments/" + attachmentId);

        assertTrue(download.redirected(), download::toString);
        AttachmentApiContract.assertStorageLink(download);
        assertEquals("image/png", download.contentType());
        assertEquals("attachment; filename=\"full screen.png\"; filename*=UTF-8''full%20screen.png",
                download.disposition());
        assertEquals(200, download.status(), download::toString);
        assertArrayEquals(png, download.bytes());
        assertProblem(Downloads.get(api, "bob", "/api/tickets/" + id + "/attachments/" + attachmentId).answer(), 404,
                "not-found");
    }

    @Test
    void confirm_returns415_andDeletesTheUpload_whenTheBytesAreNoAcceptedType() {
        String id = createTicket("alice");
        byte[] script = SampleFiles.script();
        Set<String> before = store.keys();
        JsonNode grant = grant("alice", id, script.length);
        assertEquals(200, put(grant, script));

        assertProblem(confirm("alice", grant, "innocent.png"), 415, "unsupported-media-type");
        assertEquals(before, store.keys(), "the refused upload was deleted");
        assertEquals(0, api.as("alice", ApiRequest.of("GET", "/api/tickets/" + id)).json().get("attachments").size());
    }

    @Test
    void confirm_returns409_whenNothingWasUploaded() {
        String id = createTicket("alice");
        JsonNode grant = grant("alice", id, 100);
        assertProblem(confirm("alice", grant, "never.png"), 409, "upload-missing");
    }

    @Test
    void uploadUrl_returns413_forAFileOverTheLimit_and422_withoutASize() {
        String id = createTicket("alice");
        assertProblem(api.as("alice", ApiRequest.of("POST", "/api/tickets/" + id + "/attachments/upload-url")
                .json("{\"size\":" + (MAX_BYTES + 1) + "}")), 413, "payload-too-large");
        assertProblem(api.as("alice", ApiRequest.of("POST", "/api/tickets/" + id + "/attachments/upload-url")
                .json("{}")), 422, "validation-failed");
    }

    @Test
    void anotherRequester_getsNoUploadUrl_andCannotConfirm_onATicketThatIsNotTheirs() {
        String id = createTicket("alice");
        JsonNode grant = grant("alice", id, 10);
        assertProblem(api.as("bob", ApiRequest.of("POST", "/api/tickets/" + id + "/attachments/upload-url")
                .json("{\"size\":10}")), 404, "not-found");
        assertProblem(confirm("bob", grant, "x.log"), 404, "not-found");
    }

    private String createTicket(String user) {
        ApiResponse created = api.create(user, "Large file " + UUID.randomUUID(), "low");
        assertEquals(201, created.status(), created::toString);
        return created.json().get("ticket_id").asText();
    }

    private JsonNode grant(String user, String ticketId, long size) {
        ApiResponse response = api.as(user, ApiRequest.of("POST", "/api/tickets/" + ticketId + "/attachments/upload-url")
                .json("{\"size\":" + size + "}"));
        assertEquals(201, response.status(), response::toString);
        JsonNode grant = response.json();
        return ((com.fasterxml.jackson.databind.node.ObjectNode) grant).put("ticket_id", ticketId);
    }

    private int put(JsonNode grant, byte[] content) {
        // Content-Length is set by the client from the body; it is the one signed header.
        HttpRequest request = HttpRequest.newBuilder(URI.create(grant.get("upload_url").asText()))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(content)).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private ApiResponse confirm(String user, JsonNode grant, String fileName) {
        return api.as(user, ApiRequest.of("POST", grant.get("confirm_url").asText())
                .json(Api.patchJson(Map.of("file_name", fileName))));
    }
}
