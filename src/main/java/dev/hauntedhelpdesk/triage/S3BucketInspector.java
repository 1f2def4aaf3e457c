package dev.hauntedhelpdesk.triage;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadBucketResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Looks buckets up with HeadBucket, which answers existence and region without listing anything. */
class S3BucketInspector implements BucketInspector {

    private final S3Client s3;

    S3BucketInspector(S3Client s3) {
        this.s3 = s3;
    }

    @Override
    public ToolFinding inspect(String bucket) {
        try {
            HeadBucketResponse head = s3.headBucket(b -> b.bucket(bucket));
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
