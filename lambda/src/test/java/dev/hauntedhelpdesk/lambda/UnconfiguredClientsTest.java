package dev.hauntedhelpdesk.lambda;

import dev.hauntedhelpdesk.testing.AttachmentStores;
import dev.hauntedhelpdesk.testing.BackendProperties;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A Lambda context creates every singleton during init; the SDK clients among them cost init
 * time, so only those the configuration uses are built: DynamoDB always, S3 with
 * {@code ATTACHMENT_STORE=s3}, SQS with a triage queue.
 */
class UnconfiguredClientsTest {

    @Test
    void defaultConfiguration_buildsOnlyTheDynamoDbClient() {
        Map<String, Object> properties = BackendProperties.forApp(BackendProperties.uniqueTableName());

        assertEquals(List.of("dynamodb"), clientsBuilt(properties));
    }

    @Test
    void s3StoreAndQueue_buildTheirClientsDuringInit() {
        Map<String, Object> properties = BackendProperties.forApp(BackendProperties.uniqueTableName());
        properties.putAll(AttachmentStores.s3().properties());
        try (SqsEventSource queue = new SqsEventSource()) {
            queue.addTo(properties);

            assertEquals(List.of("dynamodb", "s3", "sqs"), clientsBuilt(properties));
        }
    }

    private static List<String> clientsBuilt(Map<String, Object> properties) {
        try (HttpApiEventFunction function = LambdaRuntime.handler(properties, LambdaRuntime.TestV2Function::new)) {
            return function.getApplicationContext().getBean(SdkClientCreations.class).services().stream()
                    .sorted().toList();
        }
    }
}
