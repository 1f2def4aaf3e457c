package dev.hauntedhelpdesk.lambda.snapstart;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Priming requests in the events API Gateway hands the function, with the fields a real one
 * carries (a request context above all: without one the proxy answers 500).
 */
final class PrimingEvents {

    private static final String SOURCE_IP = "127.0.0.1";
    private static final String USER_AGENT = "snapstart-priming";

    private PrimingEvents() {
    }

    /** As an HTTP API (payload 2.0) sends it: lower-case, single-valued headers. */
    static APIGatewayV2HTTPEvent httpApi(PrimingRequest request) {
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey("$default")
                .withRawPath(request.path())
                .withRawQueryString("")
                .withHeaders(headers(request))
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRequestId(PrimingContext.REQUEST_ID)
                        .withStage("$default")
                        .withTimeEpoch(System.currentTimeMillis())
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod(request.method()).withPath(request.path()).withProtocol("HTTP/1.1")
                                .withSourceIp(SOURCE_IP).withUserAgent(USER_AGENT).build())
                        .build())
                .withIsBase64Encoded(false)
                .build();
    }

    /** As a REST API (payload 1.0) proxy integration sends it: headers single- and multi-valued. */
    static APIGatewayProxyRequestEvent restApi(PrimingRequest request) {
        Map<String, String> headers = headers(request);
        Map<String, List<String>> multi = new LinkedHashMap<>();
        headers.forEach((name, value) -> multi.put(name, List.of(value)));
        return new APIGatewayProxyRequestEvent()
                .withResource("/{proxy+}")
                .withPath(request.path())
                .withHttpMethod(request.method())
                .withHeaders(headers)
                .withMultiValueHeaders(multi)
                .withPathParameters(Map.of("proxy", request.path().substring(1)))
                .withRequestContext(new APIGatewayProxyRequestEvent.ProxyRequestContext()
                        .withRequestId(PrimingContext.REQUEST_ID)
                        .withResourcePath("/{proxy+}")
                        .withHttpMethod(request.method())
                        .withPath(request.path())
                        .withProtocol("HTTP/1.1")
                        .withStage("prod")
                        .withIdentity(new APIGatewayProxyRequestEvent.RequestIdentity()
                                .withSourceIp(SOURCE_IP).withUserAgent(USER_AGENT)))
                .withIsBase64Encoded(false);
    }

    private static Map<String, String> headers(PrimingRequest request) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("host", "localhost");
        headers.put("user-agent", USER_AGENT);
        headers.putAll(request.headers());
        return headers;
    }
}
