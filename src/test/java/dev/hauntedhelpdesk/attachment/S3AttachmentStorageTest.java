package dev.hauntedhelpdesk.attachment;

import dev.hauntedhelpdesk.contract.SampleFiles;
import dev.hauntedhelpdesk.testing.AttachmentStores;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The S3 adapter against a fresh bucket on moto's S3, presigned uploads included. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class S3AttachmentStorageTest extends AttachmentStorageContract {

    private S3AttachmentStorage storage;
    private AttachmentStores.S3 bucket;

    @BeforeAll
    void createBucket() {
        bucket = (AttachmentStores.S3) AttachmentStores.s3();
        storage = new S3AttachmentStorage(bucket.client(), bucket.bucket());
    }

    @Override
    protected AttachmentStorage storage() {
        return storage;
    }

    @Test
    void put_storesTheSniffedContentType_onTheObject() {
        String key = StorageKeys.stored(UUID.randomUUID().toString());
        storage.put(key, SampleFiles.gif(100, 1), "image/gif");
        assertEquals("image/gif", bucket.client().headObject(b -> b.bucket(bucket.bucket()).key(key)).contentType());
    }

    @Test
    void uploadUrl_acceptsAPutOfTheSignedSize_andTheBytesLandUnderTheKey() throws Exception {
        String key = StorageKeys.incoming(UUID.randomUUID().toString(), UUID.randomUUID().toString());
        byte[] jpeg = SampleFiles.jpeg(250_000, 2);
        URI url = storage.uploadUrl(key, jpeg.length, Duration.ofMinutes(5)).orElseThrow();

        assertTrue(url.toString().startsWith(bucket.endpoint() + "/" + bucket.bucket() + "/" + key), url.toString());
        assertEquals(200, put(url, jpeg));
        assertArrayEquals(jpeg, storage.get(key).orElseThrow());
    }

    @Test
    void downloadUrl_servesTheBytes_withTheDownloadHeadersSignedIntoTheLink() throws Exception {
        String key = StorageKeys.stored(UUID.randomUUID().toString());
        byte[] png = SampleFiles.png(40_000, 3);
        storage.put(key, png, "image/png");

        URI url = storage.downloadUrl(key, "image/png", "attachment; filename=\"a.png\"", "private, no-store",
                Duration.ofMinutes(5)).orElseThrow();
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertEquals(200, response.statusCode());
        assertArrayEquals(png, response.body());
        String query = java.net.URLDecoder.decode(url.getRawQuery(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(query.contains("response-content-type=image/png"), query);
        assertTrue(query.contains("response-content-disposition=attachment; filename=\"a.png\""), query);
        assertTrue(query.contains("response-cache-control=private, no-store"), query);
        assertTrue(query.contains("X-Amz-Expires=300"), query);
    }

    private static int put(URI url, byte[] body) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(url).PUT(HttpRequest.BodyPublishers.ofByteArray(body))
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
