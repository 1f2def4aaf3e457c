package dev.hauntedhelpdesk.metrics;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import software.amazon.awssdk.core.client.builder.SdkClientBuilder;

/**
 * Adds {@link AwsSdkMetrics} to every SDK client builder the context makes (DynamoDB, S3, SQS),
 * keeping whatever else the builder's override configuration already holds. The Bedrock client
 * is built by hand and takes the interceptor where it is built.
 */
@Singleton
class AwsSdkClientMetrics implements BeanCreatedEventListener<SdkClientBuilder<?, ?>> {

    private final AwsSdkMetrics interceptor;

    AwsSdkClientMetrics(AwsSdkMetrics interceptor) {
        this.interceptor = interceptor;
    }

    @Override
    public SdkClientBuilder<?, ?> onCreated(BeanCreatedEvent<SdkClientBuilder<?, ?>> event) {
        SdkClientBuilder<?, ?> builder = event.getBean();
        // The Consumer form would start from an empty configuration and drop what others set.
        builder.overrideConfiguration(builder.overrideConfiguration().toBuilder()
                .addExecutionInterceptor(interceptor).build());
        return builder;
    }
}
