package dev.hauntedhelpdesk.lambda;

import dev.hauntedhelpdesk.config.HelpdeskSettings;
import io.micronaut.aws.sdk.v2.service.sqs.SqsClientFactory;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.exceptions.DisabledBeanException;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;

/**
 * The SQS client exists only where a triage queue is configured ({@code TRIAGE_QUEUE_URL}).
 *
 * <p>micronaut-aws builds a client for every AWS service whose SDK is on the classpath, and the
 * Lambda context creates every singleton during init, so a function without a queue built an
 * SQS client for nothing. This replaces that bean, from the same builder; a factory that throws
 * {@link DisabledBeanException} leaves no bean behind.
 */
@Factory
class SqsClientForQueue {

    @Singleton
    @Bean(preDestroy = "close")
    @Replaces(bean = SqsClient.class, factory = SqsClientFactory.class)
    SqsClient sqsClient(SqsClientBuilder builder, HelpdeskSettings settings) {
        String queueUrl = settings.triage().queueUrl();
        if (queueUrl == null || queueUrl.isBlank()) {
            throw new DisabledBeanException("no triage queue (TRIAGE_QUEUE_URL)");
        }
        return builder.build();
    }
}
