package dev.hauntedhelpdesk.metrics;

import dev.hauntedhelpdesk.testing.AttachmentStores;
import dev.hauntedhelpdesk.testing.BackendProperties;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The clients the context builds carry the metrics interceptor, and keep what else was set on them. */
class AwsSdkClientMetricsTest {

    @Test
    void contextClients_carryTheInterceptor_besideTheirOtherSettings() {
        Map<String, Object> properties = BackendProperties.forApp(BackendProperties.uniqueTableName());
        // The S3 client exists only where attachments are stored on S3.
        properties.putAll(AttachmentStores.s3().properties());
        try (ApplicationContext context = ApplicationContext.run(properties)) {
            AwsSdkMetrics interceptor = context.getBean(AwsSdkMetrics.class);
            ClientOverrideConfiguration dynamo = context.getBean(DynamoDbClient.class)
                    .serviceClientConfiguration().overrideConfiguration();
            ClientOverrideConfiguration s3 = context.getBean(S3Client.class)
                    .serviceClientConfiguration().overrideConfiguration();

            assertTrue(dynamo.executionInterceptors().contains(interceptor), dynamo::toString);
            assertTrue(s3.executionInterceptors().contains(interceptor), s3::toString);
            // The DynamoDB bounds are set by another listener on the same builder.
            assertEquals(Optional.of(Duration.ofSeconds(6)), dynamo.apiCallTimeout(), dynamo::toString);
        }
    }
}
