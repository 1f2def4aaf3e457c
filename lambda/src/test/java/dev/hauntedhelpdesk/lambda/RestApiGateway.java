package dev.hauntedhelpdesk.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.hauntedhelpdesk.contract.ApiRequest;
import dev.hauntedhelpdesk.contract.ApiResponse;
import dev.hauntedhelpdesk.contract.ServerUnderTest;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.proxy.MockLambdaContext;
import io.micronaut.function.aws.proxy.payload1.ApiGatewayProxyRequestEventFunction;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A REST API (payload format 1.0) with a {@code /{proxy+}} resource and no authorizer in front of
 * the handler: the template deploys no REST API, so whoever deploys one this way leaves the
 * function as the only gate, and these requests show what the function itself refuses.
 * Requests carry {@code headers} and {@code multiValueHeaders}; of the answer, API Gateway merges
 * {@code headers} and {@code multiValueHeaders}, the latter winning for a name in both. Lambda's
 * 6 MB limits apply both ways, and so do the REST API's quotas on a request's head (10240 bytes of
 * headers, a URL of 10240 characters). A repeated query parameter arrives with its last value in
 * {@code queryStringParameters} and every value in {@code multiValueQueryStringParameters}.
 */
final class RestApiGateway implements ServerUnderTest {

    private final ApiGatewayProxyRequestEventFunction handler;

    RestApiGateway(ApiGatewayProxyRequestEventFunction handler) {
        this.handler = handler;
    }

    @Override
    public ApiResponse send(ApiRequest request) {
        Map<String, String> headers = new LinkedHashMap<>(request.headers());
        headers.put("Host", "r3st4p1x2z.execute-api.us-east-1.amazonaws.com");
        headers.put("X-Forwarded-Proto", "https");
        if (request.body() != null) {
            headers.put("Content-Length", Integer.toString(request.body().length));
        }
        if (LambdaLimits.headersTooLarge(headers)) {
            return GatewayAnswers.message(431, "Request Header Fields Too Large");
        }
        if (request.pathWithQuery().length() > LambdaLimits.MAX_HEAD_BYTES) {
            return GatewayAnswers.message(414, "Request-URI Too Long");
        }
        String sentTrace = headers.keySet().stream().filter("X-Amzn-Trace-Id"::equalsIgnoreCase).findFirst()
                .map(headers::remove).orElse(null);
        headers.put("X-Amzn-Trace-Id", GatewayTrace.header(sentTrace));
        Map<String, List<String>> multi = new LinkedHashMap<>();
        headers.forEach((k, v) -> multi.put(k, List.of(v)));
        APIGatewayProxyRequestEvent event = new APIGatewayProxyRequestEvent()
                .withHttpMethod(request.method())
                .withPath(request.path())
                .withResource("/{proxy+}")
                .withPathParameters(request.path().length() > 1 ? Map.of("proxy", request.path().substring(1)) : null)
                .withHeaders(headers)
                .withMultiValueHeaders(multi)
                .withQueryStringParameters(request.queryValues().isEmpty() ? null : lastValues(request.queryValues()))
                .withMultiValueQueryStringParameters(request.queryValues().isEmpty() ? null
                        : new LinkedHashMap<>(request.queryValues()))
                .withRequestContext(new APIGatewayProxyRequestEvent.ProxyRequestContext()
                        .withRequestId(UUID.randomUUID().toString())
                        .withHttpMethod(request.method())
                        .withResourcePath("/{proxy+}")
                        .withPath("/prod" + request.path())
                        .withStage("prod")
                        .withIdentity(new APIGatewayProxyRequestEvent.RequestIdentity().withSourceIp("127.0.0.1")));
        if (request.body() != null) {
            event.withBody(Base64.getEncoder().encodeToString(request.body())).withIsBase64Encoded(true);
        } else {
            event.withIsBase64Encoded(false);
        }
        if (LambdaLimits.tooLarge(event)) {
            return GatewayAnswers.message(413, "Request Too Long");
        }
        APIGatewayProxyResponseEvent response;
        try {
            response = handler.handleRequest(event, new MockLambdaContext());
        } catch (RuntimeException e) {
            return GatewayAnswers.message(502, "Internal server error");
        }
        if (LambdaLimits.tooLarge(response)) {
            return GatewayAnswers.message(502, "Internal server error");
        }
        Map<String, List<String>> merged = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (response.getHeaders() != null) {
            response.getHeaders().forEach((k, v) -> merged.put(k, new ArrayList<>(List.of(v))));
        }
        if (response.getMultiValueHeaders() != null) {
            merged.putAll(response.getMultiValueHeaders());
        }
        Map<String, String> answered = new TreeMap<>();
        merged.forEach((k, v) -> answered.put(k, String.join(",", v)));
        return new ApiResponse(response.getStatusCode(), answered,
                GatewayAnswers.body(response.getBody(), Boolean.TRUE.equals(response.getIsBase64Encoded())));
    }

    /** A repeated parameter's last value, as the REST API puts it in {@code queryStringParameters}. */
    private static Map<String, String> lastValues(Map<String, List<String>> multi) {
        Map<String, String> last = new LinkedHashMap<>();
        multi.forEach((k, v) -> last.put(k, v.get(v.size() - 1)));
        return last;
    }

    @Override
    public ApplicationContext applicationContext() {
        return handler.getApplicationContext();
    }

    @Override
    public void close() {
        handler.close();
    }
}
