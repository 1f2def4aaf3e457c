package dev.hauntedhelpdesk.triage;

import dev.hauntedhelpdesk.testing.AttachmentStores;
import dev.hauntedhelpdesk.testing.BackendProperties;
import dev.hauntedhelpdesk.testing.MotoServer;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cloud specialist's bucket check against moto's S3. */
class S3BucketInspectorTest {

    private final S3Client s3 = S3Client.builder().endpointOverride(MotoServer.shared().endpoint())
            .region(Region.EU_WEST_1).forcePathStyle(true)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
            .httpClient(UrlConnectionHttpClient.create()).build();

    @Test
    void diagnose_findsTheBucketNamedInATicket_withItsRegion_andReportsAMissingOne() {
        String bucket = "reports-" + UUID.randomUUID().toString().substring(0, 8);
        s3.createBucket(b -> b.bucket(bucket).createBucketConfiguration(c -> c.locationConstraint("eu-west-1")));

        List<ToolFinding> findings = new S3BucketInspector(s3).diagnose("Uploads to s3://" + bucket
                + " fail, and bucket no-such-bucket-" + bucket + " too");

        assertEquals(2, findings.size(), findings::toString);
        assertTrue(findings.get(0).ok(), findings::toString);
        assertEquals("exists in eu-west-1", findings.get(0).detail());
        assertFalse(findings.get(1).ok(), findings::toString);
        assertEquals("does not exist", findings.get(1).detail());
    }

    @Test
    void withAttachmentsOnDisk_theToolBuildsItsOwnClient_whenATicketFirstNamesABucket() {
        String bucket = "exports-" + UUID.randomUUID().toString().substring(0, 8);
        s3.createBucket(b -> b.bucket(bucket));
        Map<String, Object> properties = BackendProperties.forApp(BackendProperties.uniqueTableName());
        properties.putAll(AttachmentStores.filesystem().properties());
        properties.put("aws.services.s3.endpoint-override", MotoServer.shared().endpoint().toString());
        properties.put("aws.s3.path-style-access-enabled", "true");
        try (ApplicationContext context = ApplicationContext.run(properties)) {
            assertTrue(context.findBean(S3Client.class).isEmpty(), "no S3 client bean without ATTACHMENT_STORE=s3");

            List<ToolFinding> findings = context.getBean(S3BucketInspector.class).diagnose("see s3://" + bucket);

            assertEquals(1, findings.size(), findings::toString);
            assertTrue(findings.get(0).ok(), findings::toString);
        }
    }

    @Test
    void buckets_areOnlyNamesThatFollowS3Rules() {
        assertEquals(Set.of("my-bucket.logs"), BucketInspector.buckets("see s3://my-bucket.logs and s3://A_B"));
    }
}
