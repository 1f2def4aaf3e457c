package dev.hauntedhelpdesk.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.hauntedhelpdesk.logging.RequestIdSource;
import io.micronaut.http.HttpRequest;
import io.micronaut.servlet.http.ServletHttpRequest;
import jakarta.inject.Singleton;

import java.util.Optional;

/** In Lambda, a request without X-Correlation-ID is correlated by its API Gateway request id. */
@Singleton
class ApiGatewayRequestId implements RequestIdSource {

    @Override
    public Optional<String> requestId(HttpRequest<?> request) {
        if (request instanceof ServletHttpRequest<?, ?> servlet) {
            Object event = servlet.getNativeRequest();
            if (event instanceof APIGatewayV2HTTPEvent v2 && v2.getRequestContext() != null) {
                return Optional.ofNullable(v2.getRequestContext().getRequestId());
            }
            if (event instanceof APIGatewayProxyRequestEvent v1 && v1.getRequestContext() != null) {
                return Optional.ofNullable(v1.getRequestContext().getRequestId());
            }
        }
        return Optional.empty();
    }
}
