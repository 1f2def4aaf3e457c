package dev.hauntedhelpdesk.contract;

import io.micronaut.context.ApplicationContext;

/**
 * One runtime answering API requests: Netty over a real socket, or the Lambda handler fed API
 * Gateway events. Contract scenarios are written against this and run through each runtime.
 */
public interface ServerUnderTest extends AutoCloseable {

    ApiResponse send(ApiRequest request);

    /**
     * Whether a gateway authorizer stands in front of the service (the HTTP API's JWT authorizer):
     * then a request to an authorized route without a valid token is refused by the gateway,
     * with its own answer, and never reaches the service.
     */
    default boolean authorizerInFront() {
        return false;
    }

    /** The application behind this runtime, for scenarios that compare it with what it documents. */
    ApplicationContext applicationContext();

    @Override
    void close();
}
