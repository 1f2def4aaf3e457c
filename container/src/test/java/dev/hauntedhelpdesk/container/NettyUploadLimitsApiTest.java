package dev.hauntedhelpdesk.container;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hauntedhelpdesk.contract.Multipart;
import dev.hauntedhelpdesk.contract.RuntimeUnderTest;
import dev.hauntedhelpdesk.contract.SampleFiles;
import dev.hauntedhelpdesk.contract.UploadLimitsApiContract;
import dev.hauntedhelpdesk.testing.AttachmentStores;
import dev.hauntedhelpdesk.testing.CognitoPool;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The upload limits over HTTP against Netty, nothing in front of it, files under UPLOAD_DIR. */
class NettyUploadLimitsApiTest extends UploadLimitsApiContract {

    @Override
    protected RuntimeUnderTest runtime() {
        return new NettyRuntime();
    }

    @Override
    protected AttachmentStores attachmentStore() {
        return AttachmentStores.filesystem();
    }

    /**
     * A body sent chunked declares no length, so nothing can refuse it up front: it is counted as
     * it streams in and stopped once past files x limit plus the form, with the same 413.
     */
    @Test
    void submit_returns413_forAChunkedBodyThatGrowsPastTheRequestLimit_andStoresNothing() throws Exception {
        Multipart head = new Multipart().ticket("Chunked", "No Content-Length", "low", null)
                .file("files[]", "ok.png", "image/png", SampleFiles.png(1000, 90));
        byte[] start = head.bytes();
        String boundary = head.contentType().substring(head.contentType().indexOf("boundary=") + "boundary=".length());
        // The form so far, without its closing delimiter, then form fields on and on.
        byte[] open = Arrays.copyOf(start, start.length - ("--" + boundary + "--\r\n").length());
        Set<String> keysBefore = store.keys();
        HttpRequest request = HttpRequest.newBuilder(NettyRuntime.address(server).resolve("/api/submit-ticket"))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + CognitoPool.shared().accessToken("bob"))
                .header("Content-Type", head.contentType())
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> endless(open, boundary)))
                .build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertEquals(413, response.statusCode(), response::body);
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                response::toString);
        JsonNode problem = new ObjectMapper().readTree(response.body());
        assertEquals("https://haunted-helpdesk.dev/problems/payload-too-large", problem.get("type").asText());
        assertFalse(problem.path("correlation_id").asText().isEmpty(), response::body);
        assertEquals(keysBefore, store.keys(), "nothing stored");
    }

    /** {@code start}, then small form fields, one after another, far past any limit. */
    private static InputStream endless(byte[] start, String boundary) {
        byte[] field = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"filler\"\r\n\r\n"
                + "f".repeat(4000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        long fields = 2 * (MAX_FILES * MAX_BYTES) / field.length;
        InputStream rest = new InputStream() {
            private long left = fields * field.length;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                for (int i = 0; i < n; i++) {
                    b[off + i] = field[(int) ((fields * field.length - left + i) % field.length)];
                }
                left -= n;
                return n;
            }
        };
        return new SequenceInputStream(Collections.enumeration(List.of(new ByteArrayInputStream(start), rest)));
    }
}
