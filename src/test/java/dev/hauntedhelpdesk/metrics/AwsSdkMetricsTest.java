package dev.hauntedhelpdesk.metrics;

import dev.hauntedhelpdesk.testing.MotoServer;
import dev.hauntedhelpdesk.triage.BedrockClientFactory;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real SDK clients against moto, with the interceptor on them: each call lands on its timer. */
class AwsSdkMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final AwsSdkMetrics interceptor = new AwsSdkMetrics(new Meters(registry));

    @Test
    void aSuccessfulCall_isTimedAsOk_underItsServiceAndOperation() {
        String bucket = "metrics-" + UUID.randomUUID();
        try (S3Client s3 = s3(MotoServer.shared().endpoint())) {
            s3.createBucket(b -> b.bucket(bucket));
            s3.headBucket(b -> b.bucket(bucket));
        }

        Timer created = timer("S3", "CreateBucket", "ok");
        assertEquals(1, created.count());
        assertTrue(created.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS) > 0);
        assertEquals(1, timer("S3", "HeadBucket", "ok").count());
    }

    @Test
    void aRefusedCall_isTimedWithTheServicesErrorCode() {
        try (DynamoDbClient dynamo = dynamo(MotoServer.shared().endpoint())) {
            assertThrows(SdkException.class, () -> dynamo.describeTable(b -> b.tableName("no-such-" + UUID.randomUUID())));
        }

        assertEquals(1, timer("DynamoDb", "DescribeTable", "ResourceNotFoundException").count());
    }

    @Test
    void aCallThatGotNoAnswer_isTimedAsAClientError() {
        // Nothing listens on port 9 (discard) here: every attempt is refused at once.
        try (DynamoDbClient dynamo = dynamo(URI.create("http://127.0.0.1:9"))) {
            assertThrows(SdkException.class, () -> dynamo.listTables());
        }

        assertEquals(1, timer("DynamoDb", "ListTables", "client_error").count());
    }

    @Test
    void theBedrockClient_takesTheInterceptorWhereItIsBuilt() {
        try (BedrockRuntimeClient bedrock = BedrockClientFactory.create(Region.US_EAST_1, credentials(),
                URI.create("http://127.0.0.1:9"), Duration.ofSeconds(5), Duration.ofMillis(10), List.of(interceptor))) {
            assertThrows(SdkException.class, () -> bedrock.converse(b -> b.modelId("a-model")
                    .messages(m -> m.role("user").content(c -> c.text("hello")))));
        }

        assertEquals(1, timer("BedrockRuntime", "Converse", "client_error").count());
    }

    private Timer timer(String service, String operation, String outcome) {
        Timer timer = registry.find(Meters.SDK_CALLS)
                .tags("service", service, "operation", operation, "outcome", outcome).timer();
        assertNotNull(timer, () -> service + " " + operation + " " + outcome + " in "
                + registry.getMetersAsString());
        return timer;
    }

    private ClientOverrideConfiguration config() {
        return ClientOverrideConfiguration.builder().addExecutionInterceptor(interceptor)
                .retryStrategy(RetryMode.STANDARD).apiCallTimeout(Duration.ofSeconds(10)).build();
    }

    private S3Client s3(URI endpoint) {
        return S3Client.builder().endpointOverride(endpoint).region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(credentials()).httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(config()).build();
    }

    private DynamoDbClient dynamo(URI endpoint) {
        return DynamoDbClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(credentials()).httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(config()).build();
    }

    private static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
    }
}
