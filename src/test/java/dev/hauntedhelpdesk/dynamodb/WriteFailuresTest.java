package dev.hauntedhelpdesk.dynamodb;

import dev.hauntedhelpdesk.testing.FaultyTcpProxy;
import dev.hauntedhelpdesk.testing.FaultyTcpProxy.Fault;
import dev.hauntedhelpdesk.testing.MotoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.InternalServerErrorException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which failed writes certainly changed nothing, judged on the SDK's own exceptions with the app's client settings. */
class WriteFailuresTest {

    private static final ScheduledExecutorService SCHEDULER = TimeoutScheduler.create("test-timeouts");

    @AfterAll
    static void stopTheTimer() {
        SCHEDULER.shutdownNow();
    }

    @Test
    void aWriteToAPortThatRefusesConnections_wroteNothing_onEveryAttempt() {
        try (DynamoDbClient client = client(URI.create("http://127.0.0.1:9"))) {
            SdkException failure = assertThrows(SdkException.class, () -> put(client));

            assertTrue(failure.getSuppressed().length > 0, "the SDK retried: " + failure);
            assertTrue(WriteFailures.nothingWritten(failure), failure::toString);
        }
    }

    @Test
    void aWriteWhoseAnswersNeverCame_orWhoseConnectionDroppedAfterSending_mayHaveBeenWritten() {
        try (FaultyTcpProxy proxy = FaultyTcpProxy.start(MotoServer.shared().endpoint(), Duration.ofSeconds(3));
             DynamoDbClient client = client(proxy.endpoint())) {
            proxy.faults(r -> Fault.BLACK_HOLE);
            SdkException blackHoled = assertThrows(SdkException.class, () -> put(client));
            proxy.faults(r -> Fault.CUT_ANSWER);
            SdkException cut = assertThrows(SdkException.class, () -> put(client));

            assertFalse(WriteFailures.nothingWritten(blackHoled), blackHoled::toString);
            assertFalse(WriteFailures.nothingWritten(cut), cut::toString);
        }
    }

    @Test
    void aThrottledWrite_wroteNothing_unlessAnEarlierAttemptTimedOut() {
        SdkException throttled = ProvisionedThroughputExceededException.builder().statusCode(400)
                .message("Throughput exceeds the current capacity").build();
        SdkException throttledAfterTimeout = ProvisionedThroughputExceededException.builder().statusCode(400)
                .message("Throughput exceeds the current capacity").build();
        throttledAfterTimeout.addSuppressed(SdkClientException.create("Request attempt 1 failure: HTTP request "
                + "execution did not complete before the specified timeout configuration: 2000 millis"));
        SdkException throttledAfterRefusal = ProvisionedThroughputExceededException.builder().statusCode(400)
                .message("Throughput exceeds the current capacity").build();
        throttledAfterRefusal.addSuppressed(SdkClientException.create(
                "Request attempt 1 failure: Unable to execute HTTP request: Connection refused"));

        assertTrue(WriteFailures.nothingWritten(throttled));
        assertFalse(WriteFailures.nothingWritten(throttledAfterTimeout));
        assertTrue(WriteFailures.nothingWritten(throttledAfterRefusal));
    }

    @Test
    void aServerError_mayHaveBeenWritten() {
        assertFalse(WriteFailures.nothingWritten(InternalServerErrorException.builder().statusCode(500)
                .message("Internal server error").build()));
    }

    private static void put(DynamoDbClient client) {
        client.putItem(b -> b.tableName("no-such-table").item(Map.of("pk", AttributeValue.fromS("x"))));
    }

    private static DynamoDbClient client(URI endpoint) {
        return DynamoDbClient.builder()
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .endpointOverride(endpoint)
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> DynamoDbClientTimeouts.bound(c, SCHEDULER))
                .build();
    }
}
