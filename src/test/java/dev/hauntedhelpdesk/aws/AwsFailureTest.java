package dev.hauntedhelpdesk.aws;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

import java.net.ConnectException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class AwsFailureTest {

    @Test
    void describe_namesTheErrorCodeStatusAndRequestId_ofAnAwsAnswer_butNotItsMessage() {
        DynamoDbException denied = (DynamoDbException) DynamoDbException.builder()
                .message("User: arn:aws:sts::123456789012:assumed-role/api is not authorized")
                .statusCode(400)
                .requestId("R3QU35T")
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("AccessDeniedException")
                        .serviceName("DynamoDb").build())
                .build();

        String line = AwsFailure.describe(denied);

        assertEquals("software.amazon.awssdk.services.dynamodb.model.DynamoDbException [status=400, "
                + "error_code=AccessDeniedException, service=DynamoDb, request_id=R3QU35T]", line);
        assertFalse(line.contains("arn:aws"), line);
    }

    @Test
    void describe_followsTheCauseChain_ofAClientSideFailure() {
        SdkClientException failure = SdkClientException.builder()
                .message("Unable to execute HTTP request: Connection refused")
                .cause(new ConnectException("Connection refused")).build();

        assertEquals("software.amazon.awssdk.core.exception.SdkClientException: Unable to execute HTTP request: "
                + "Connection refused <- java.net.ConnectException", AwsFailure.describe(failure));
    }
}
