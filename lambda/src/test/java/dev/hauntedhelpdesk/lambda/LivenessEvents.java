package dev.hauntedhelpdesk.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;

import java.util.Map;
import java.util.UUID;

/** A payload 2.0 {@code GET /health/liveness}, for tests that invoke a handler without a gateway. */
final class LivenessEvents {

    private LivenessEvents() {
    }

    static APIGatewayV2HTTPEvent get(Map<String, String> headers) {
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey("GET /health/liveness")
                .withRawPath("/health/liveness")
                .withRawQueryString("")
                .withHeaders(headers)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRequestId(UUID.randomUUID().toString())
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod("GET").withPath("/health/liveness").withProtocol("HTTP/1.1")
                                .withSourceIp("203.0.113.7").withUserAgent("test").build())
                        .build())
                .build();
    }
}
