package dev.hauntedhelpdesk.contract;

/**
 * One runtime answering API requests: Netty over a real socket, or the Lambda handler fed API
 * Gateway events. Contract scenarios are written against this and run through each runtime.
 */
public interface ServerUnderTest extends AutoCloseable {

    ApiResponse send(ApiRequest request);

    @Override
    void close();
}
