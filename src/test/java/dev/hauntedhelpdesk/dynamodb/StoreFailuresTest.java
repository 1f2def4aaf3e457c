package dev.hauntedhelpdesk.dynamodb;

import dev.hauntedhelpdesk.problem.ProblemType;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StoreFailuresTest {

    @Test
    void validationException_isAnInternalError_neverRetryShortly() {
        assertEquals(ProblemType.INTERNAL_ERROR, StoreFailures.of(answer(400, "ValidationException")).type());
        assertEquals(ProblemType.INTERNAL_ERROR, StoreFailures.of(answer(400, "SerializationException")).type());
    }

    @Test
    void outagesTimeoutsAndThrottling_areUnavailable() {
        assertEquals(ProblemType.SERVICE_UNAVAILABLE, StoreFailures.of(answer(500, "InternalServerError")).type());
        assertEquals(ProblemType.SERVICE_UNAVAILABLE, StoreFailures.of(answer(400, "ThrottlingException")).type());
        assertEquals(ProblemType.SERVICE_UNAVAILABLE, StoreFailures.of(answer(400, "TransactionConflictException")).type());
        assertEquals(ProblemType.SERVICE_UNAVAILABLE, StoreFailures.of(ProvisionedThroughputExceededException.builder()
                .statusCode(400).awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode("ProvisionedThroughputExceededException").build()).build()).type());
        assertEquals(ProblemType.SERVICE_UNAVAILABLE, StoreFailures.of(SdkClientException.create("Connection refused")).type());
        assertEquals(ProblemType.SERVICE_UNAVAILABLE, StoreFailures.of(ApiCallAttemptTimeoutException.create(1000)).type());
    }

    private static DynamoDbException answer(int status, String code) {
        return (DynamoDbException) DynamoDbException.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).serviceName("DynamoDb").build()).build();
    }
}
