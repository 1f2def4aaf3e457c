package dev.hauntedhelpdesk.attachment;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * Attachments as objects in one S3 bucket. The presigner is built from the same client, so it
 * signs for the same endpoint (an emulator's, through {@code aws.services.s3.endpoint-override}),
 * region, credentials and addressing style.
 */
final class S3AttachmentStorage implements AttachmentStorage {

    private static final int NOT_FOUND = 404;
    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(2);

    private final S3Client s3;
    private final S3Presigner presigner;
    private final String bucket;

    S3AttachmentStorage(S3Client s3, String bucket) {
        this.s3 = s3;
        // The presigner reads the client's addressing style, but resolves region, credentials
        // and endpoint on its own unless given the client's.
        var config = s3.serviceClientConfiguration();
        S3Presigner.Builder presign = S3Presigner.builder().s3Client(s3).region(config.region())
                .credentialsProvider(config.credentialsProvider());
        config.endpointOverride().ifPresent(presign::endpointOverride);
        this.presigner = presign.build();
        this.bucket = bucket;
    }

    @Override
    public String location() {
        return "s3://" + bucket;
    }

    @Override
    public void check() {
        try {
            // Bounded well under a load balancer's health-check timeout (the ECS stack's is 5 s):
            // readiness carries this indicator, and an unreachable S3 must not make it time out.
            s3.headBucket(b -> b.bucket(bucket).overrideConfiguration(c -> c.apiCallTimeout(CHECK_TIMEOUT)));
        } catch (SdkException e) {
            throw new StorageUnavailableException(e);
        }
    }

    @Override
    public void put(String key, byte[] content, String contentType) {
        call(() -> s3.putObject(b -> b.bucket(bucket).key(StorageKeys.check(key)).contentType(contentType)
                .contentLength((long) content.length), RequestBody.fromBytes(content)));
    }

    /** A single PUT: S3 stores an object whole or not at all, so a failed upload leaves no partial object. */
    @Override
    public void put(String key, Path content, String contentType) {
        call(() -> s3.putObject(b -> b.bucket(bucket).key(StorageKeys.check(key)).contentType(contentType),
                RequestBody.fromFile(content)));
    }

    @Override
    public Optional<byte[]> get(String key) {
        try {
            return Optional.of(call(() -> s3.getObjectAsBytes(b -> b.bucket(bucket).key(StorageKeys.check(key))))
                    .asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    @Override
    public OptionalLong size(String key) {
        try {
            return OptionalLong.of(call(() -> s3.headObject(b -> b.bucket(bucket).key(StorageKeys.check(key))))
                    .contentLength());
        } catch (NoSuchKeyException e) {
            return OptionalLong.empty();
        } catch (S3Exception e) {
            // HEAD answers carry no body, so a missing key arrives as a bare 404.
            if (e.statusCode() == NOT_FOUND) {
                return OptionalLong.empty();
            }
            throw new StorageUnavailableException(e);
        }
    }

    @Override
    public void delete(String key) {
        call(() -> s3.deleteObject(b -> b.bucket(bucket).key(StorageKeys.check(key))));
    }

    @Override
    public Optional<URI> uploadUrl(String key, long contentLength, Duration validFor) {
        String checked = StorageKeys.check(key);
        // Content-Length is signed, so S3 refuses a body of any other size.
        var presigned = presigner.presignPutObject(p -> p.signatureDuration(validFor)
                .putObjectRequest(b -> b.bucket(bucket).key(checked).contentLength(contentLength)));
        return Optional.of(toUri(presigned.url()));
    }

    /**
     * A presigned GET with S3's {@code response-*} overrides: they are part of the signed query,
     * so the link serves exactly these headers and cannot be altered to serve others.
     */
    @Override
    public Optional<URI> downloadUrl(String key, String contentType, String contentDisposition, String cacheControl,
                                     Duration validFor) {
        String checked = StorageKeys.check(key);
        var presigned = presigner.presignGetObject(p -> p.signatureDuration(validFor)
                .getObjectRequest(b -> b.bucket(bucket).key(checked).responseContentType(contentType)
                        .responseContentDisposition(contentDisposition).responseCacheControl(cacheControl)));
        return Optional.of(toUri(presigned.url()));
    }

    private static URI toUri(URL url) {
        try {
            return url.toURI();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("The SDK signed an unparseable URL", e);
        }
    }

    /**
     * Runs one SDK call: a missing key or a refused request are answers and pass through; any
     * other SDK failure means the store is unreachable (503).
     */
    private static <T> T call(Supplier<T> sdkCall) {
        try {
            return sdkCall.get();
        } catch (S3Exception e) {
            if (e instanceof NoSuchKeyException || e.statusCode() == NOT_FOUND) {
                throw e;
            }
            throw new StorageUnavailableException(e);
        } catch (SdkException e) {
            throw new StorageUnavailableException(e);
        }
    }
}
