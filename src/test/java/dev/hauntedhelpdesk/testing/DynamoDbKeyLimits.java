package dev.hauntedhelpdesk.testing;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * DynamoDB's key-size limits where moto is more lenient than AWS: moto checks them only when an
 * item is written, AWS on every keyed call, answering 400 {@code ValidationException}. Loaded
 * into every SDK client of the tests (as {@link SdkCallRecorder} is), so a keyed read with a
 * partition key over 2048 bytes or a sort key over 1024 fails here as it would on AWS.
 */
public final class DynamoDbKeyLimits implements ExecutionInterceptor {

    private static final int MAX_PARTITION_KEY_BYTES = 2048;
    private static final int MAX_SORT_KEY_BYTES = 1024;

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes executionAttributes) {
        SdkRequest request = context.request();
        Map<String, AttributeValue> key = switch (request) {
            case GetItemRequest get -> get.key();
            case DeleteItemRequest delete -> delete.key();
            case UpdateItemRequest update -> update.key();
            default -> Map.of();
        };
        check(key.get("pk"), MAX_PARTITION_KEY_BYTES, "hashkey");
        check(key.get("sk"), MAX_SORT_KEY_BYTES, "rangekey");
    }

    private static void check(AttributeValue value, int limit, String name) {
        if (value != null && value.s() != null && value.s().getBytes(StandardCharsets.UTF_8).length > limit) {
            throw DynamoDbException.builder()
                    .statusCode(400)
                    .awsErrorDetails(AwsErrorDetails.builder()
                            .errorCode("ValidationException")
                            .serviceName("DynamoDb")
                            .errorMessage("One or more parameter values were invalid: Size of " + name
                                    + " has exceeded the maximum size limit of " + limit + " bytes")
                            .build())
                    .message("One or more parameter values were invalid (status 400, ValidationException)")
                    .build();
        }
    }
}
