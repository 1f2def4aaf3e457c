package dev.hauntedhelpdesk.metrics;

import jakarta.inject.Singleton;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Times every AWS SDK call (DynamoDB, S3, SQS, Bedrock) with its outcome: {@code ok}, the
 * service's error code ({@code ConditionalCheckFailedException}, {@code NoSuchKey}), or
 * {@code client_error} when no answer came (refused, timed out). One call is timed once, its
 * retries included, as the caller waits for it.
 */
@Singleton
class AwsSdkMetrics implements ExecutionInterceptor {

    private static final ExecutionAttribute<Long> STARTED = new ExecutionAttribute<>("helpdesk.metrics.started");

    private final Meters meters;

    AwsSdkMetrics(Meters meters) {
        this.meters = meters;
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        attributes.putAttribute(STARTED, System.nanoTime());
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        record(attributes, "ok");
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        record(attributes, outcome(context.exception()));
    }

    static String outcome(Throwable failure) {
        if (failure instanceof AwsServiceException service && service.awsErrorDetails() != null
                && service.awsErrorDetails().errorCode() != null) {
            return service.awsErrorDetails().errorCode();
        }
        if (failure instanceof AwsServiceException service) {
            return "http_" + service.statusCode();
        }
        return failure instanceof SdkClientException ? "client_error" : failure.getClass().getSimpleName();
    }

    private void record(ExecutionAttributes attributes, String outcome) {
        Long started = attributes.getAttribute(STARTED);
        long nanos = started == null ? 0 : System.nanoTime() - started;
        meters.sdkCall(String.valueOf(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME)),
                String.valueOf(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME)), outcome, nanos);
    }
}
