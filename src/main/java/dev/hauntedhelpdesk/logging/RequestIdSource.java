package dev.hauntedhelpdesk.logging;

import io.micronaut.http.HttpRequest;

import java.util.Optional;

/**
 * Supplies a platform request id to use as correlation id when the caller sent none; the Lambda
 * runtime provides the API Gateway request id, the container has none.
 */
public interface RequestIdSource {

    Optional<String> requestId(HttpRequest<?> request);
}
