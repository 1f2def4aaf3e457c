package dev.hauntedhelpdesk.triage;

import dev.hauntedhelpdesk.config.HelpdeskSettings;
import io.micronaut.context.BeanProvider;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.HeadBucketResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.util.function.Supplier;

/**
 * Looks buckets up with HeadBucket, which answers existence and region without listing anything.
 * It uses the attachment store's S3 client where attachments are on S3; elsewhere there is no S3
 * client bean, and it builds one from the context's builder when a ticket first names a bucket
 * (most deployments never need it) and closes it with the context. An SDK builder builds one
 * client only: a second build fails.
 */
@Singleton
class S3BucketInspector implements BucketInspector {

    private final Supplier<S3Client> client;
    private final boolean ownsClient;
    private S3Client s3;

    @Inject
    S3BucketInspector(BeanProvider<S3Client> attachmentClient, BeanProvider<S3ClientBuilder> builder,
                      HelpdeskSettings settings) {
        this.ownsClient = settings.attachments().store() != HelpdeskSettings.AttachmentStore.S3;
        this.client = ownsClient ? () -> builder.get().build() : attachmentClient::get;
    }

    /** Inspects with a client the caller owns. */
    S3BucketInspector(S3Client s3) {
        this.ownsClient = false;
        this.client = () -> s3;
    }

    private synchronized S3Client s3() {
        if (s3 == null) {
            s3 = client.get();
        }
        return s3;
    }

    @PreDestroy
    synchronized void close() {
        if (ownsClient && s3 != null) {
            s3.close();
        }
    }

    @Override
    public ToolFinding inspect(String bucket) {
        try {
            HeadBucketResponse head = s3().headBucket(b -> b.bucket(bucket));
            return new ToolFinding("s3_head_bucket", bucket, true,
                    "exists" + (head.bucketRegion() == null ? "" : " in " + head.bucketRegion()));
        } catch (S3Exception e) {
            String region = e.awsErrorDetails() == null || e.awsErrorDetails().sdkHttpResponse() == null ? null
                    : e.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("x-amz-bucket-region").orElse(null);
            String where = region == null ? "" : " in " + region;
            return switch (e.statusCode()) {
                case 404 -> new ToolFinding("s3_head_bucket", bucket, false, "does not exist");
                case 403 -> new ToolFinding("s3_head_bucket", bucket, true, "exists" + where + ", access denied");
                case 301 -> new ToolFinding("s3_head_bucket", bucket, true, "exists" + where + " (another region)");
                default -> new ToolFinding("s3_head_bucket", bucket, false, "lookup failed: HTTP " + e.statusCode());
            };
        } catch (SdkException e) {
            return new ToolFinding("s3_head_bucket", bucket, false, "lookup failed: " + e.getClass().getSimpleName());
        }
    }
}
