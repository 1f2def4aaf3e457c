package dev.hauntedhelpdesk.dynamodb;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

import java.time.Duration;

/**
 * Bounds every DynamoDB call, so an unreachable table turns into a quick 503 and a DOWN readiness
 * instead of requests hanging on the SDK's default (unbounded) timeouts. The SDK's standard retry
 * policy stays in place within these bounds.
 */
@Singleton
class DynamoDbClientTimeouts implements BeanCreatedEventListener<DynamoDbClientBuilder> {

    @Override
    public DynamoDbClientBuilder onCreated(BeanCreatedEvent<DynamoDbClientBuilder> event) {
        DynamoDbClientBuilder builder = event.getBean();
        builder.overrideConfiguration(c -> c
                .apiCallAttemptTimeout(Duration.ofSeconds(2))
                .apiCallTimeout(Duration.ofSeconds(6)));
        return builder;
    }
}
