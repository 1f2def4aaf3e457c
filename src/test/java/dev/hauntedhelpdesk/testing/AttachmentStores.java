package dev.hauntedhelpdesk.testing;

import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Attachment storage for tests: a fresh temporary {@code UPLOAD_DIR}, or a fresh bucket on the
 * shared moto server. Either lists what it holds, so a test can prove nothing was left behind.
 */
public interface AttachmentStores {

    /** Application properties that point attachments at this store. */
    Map<String, Object> properties();

    /** Every key (relative path or object key) currently stored. */
    Set<String> keys();

    /** A new, empty directory under the system temp dir. */
    static AttachmentStores filesystem() {
        Path root;
        try {
            root = Files.createTempDirectory("helpdesk-uploads-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new FileSystem(root);
    }

    /** A new, empty bucket on {@link MotoServer#shared()}, reached path-style as moto needs. */
    static AttachmentStores s3() {
        URI endpoint = MotoServer.shared().endpoint();
        S3Client s3 = client(endpoint);
        String bucket = "attachments-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        s3.createBucket(b -> b.bucket(bucket));
        return new S3(endpoint, s3, bucket);
    }

    /** An S3 client on moto, signing with the same dummy credentials as the application. */
    static S3Client client(URI endpoint) {
        return S3Client.builder()
                .endpointOverride(endpoint)
                .region(LocalAws.REGION)
                .credentialsProvider(LocalAws.credentials())
                .forcePathStyle(true)
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    /** The filesystem store's directory. */
    record FileSystem(Path root) implements AttachmentStores {

        @Override
        public Map<String, Object> properties() {
            return new java.util.HashMap<>(Map.of("helpdesk.attachment-store", "filesystem",
                    "helpdesk.upload-dir", root.toString()));
        }

        @Override
        public Set<String> keys() {
            try (Stream<Path> files = Files.walk(root)) {
                return files.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/'))
                        .collect(Collectors.toSet());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The S3 store's bucket and a client to look into it. */
    record S3(URI endpoint, S3Client client, String bucket) implements AttachmentStores {

        @Override
        public Map<String, Object> properties() {
            return new java.util.HashMap<>(Map.of("helpdesk.attachment-store", "s3",
                    "helpdesk.attachment-bucket", bucket,
                    "aws.services.s3.endpoint-override", endpoint.toString(),
                    "aws.s3.path-style-access-enabled", "true"));
        }

        @Override
        public Set<String> keys() {
            return client.listObjectsV2Paginator(b -> b.bucket(bucket)).contents().stream()
                    .map(S3Object::key).collect(Collectors.toSet());
        }
    }
}
