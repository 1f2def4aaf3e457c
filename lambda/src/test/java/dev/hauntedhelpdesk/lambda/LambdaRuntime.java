package dev.hauntedhelpdesk.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.hauntedhelpdesk.contract.ApiRequest;
import dev.hauntedhelpdesk.contract.ApiResponse;
import dev.hauntedhelpdesk.contract.RuntimeUnderTest;
import dev.hauntedhelpdesk.contract.ServerUnderTest;
import dev.hauntedhelpdesk.testing.SdkCallRecorder;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.proxy.MockLambdaContext;
import io.micronaut.function.aws.proxy.payload1.ApiGatewayProxyRequestEventFunction;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The Lambda runtime: the real API Gateway handlers (REST payload v1, HTTP API payload v2), fed
 * events shaped as API Gateway sends them, answers read back from the response events.
 */
final class LambdaRuntime {

    /** The API function's role in lambda/template.yaml: every SDK call of these handlers is recorded as its. */
    static final String ROLE = "ApiFunction";

    /** Handlers build their context in the constructor, so test properties reach them this way. */
    private static final ThreadLocal<Map<String, Object>> PROPERTIES = new ThreadLocal<>();

    private LambdaRuntime() {
    }

    static RuntimeUnderTest v1() {
        return properties -> withProperties(properties, () -> new V1(new TestV1Function()));
    }

    static RuntimeUnderTest v2() {
        return properties -> withProperties(properties, () -> new V2(new TestV2Function()));
    }

    private static ServerUnderTest withProperties(Map<String, Object> properties,
                                                  java.util.function.Supplier<ServerUnderTest> handler) {
        PROPERTIES.set(SdkCallRecorder.as(ROLE, properties));
        try {
            return handler.get();
        } finally {
            PROPERTIES.remove();
        }
    }

    /** The production v1 handler, with test properties added to the context it builds itself. */
    static final class TestV1Function extends ApiGatewayProxyRequestEventFunction {
        @Override
        protected ApplicationContextBuilder newApplicationContextBuilder() {
            return super.newApplicationContextBuilder().properties(PROPERTIES.get());
        }
    }

    /** The production v2 handler, with test properties added to the context it builds itself. */
    static final class TestV2Function extends APIGatewayV2HTTPEventFunction {
        @Override
        protected ApplicationContextBuilder newApplicationContextBuilder() {
            return super.newApplicationContextBuilder().properties(PROPERTIES.get());
        }
    }

    private record V1(ApiGatewayProxyRequestEventFunction handler) implements ServerUnderTest {

        @Override
        public ApiResponse send(ApiRequest request) {
            APIGatewayProxyRequestEvent event = new APIGatewayProxyRequestEvent()
                    .withHttpMethod(request.method())
                    .withPath(request.path())
                    .withResource("/{proxy+}")
                    .withHeaders(headers(request))
                    .withMultiValueHeaders(multi(headers(request)))
                    .withQueryStringParameters(request.query().isEmpty() ? null : request.query())
                    .withMultiValueQueryStringParameters(request.query().isEmpty() ? null : multi(request.query()))
                    .withRequestContext(new APIGatewayProxyRequestEvent.ProxyRequestContext()
                            .withRequestId(UUID.randomUUID().toString())
                            .withHttpMethod(request.method())
                            .withPath("/prod" + request.path())
                            .withStage("prod")
                            .withIdentity(new APIGatewayProxyRequestEvent.RequestIdentity().withSourceIp("127.0.0.1")));
            if (request.body() != null) {
                event.withBody(Base64.getEncoder().encodeToString(request.body())).withIsBase64Encoded(true);
            } else {
                event.withIsBase64Encoded(false);
            }
            APIGatewayProxyResponseEvent response = handler.handleRequest(event, new MockLambdaContext());
            Map<String, String> headers = new HashMap<>();
            if (response.getHeaders() != null) {
                headers.putAll(response.getHeaders());
            }
            if (response.getMultiValueHeaders() != null) {
                response.getMultiValueHeaders().forEach((k, v) -> headers.put(k, String.join(",", v)));
            }
            return new ApiResponse(response.getStatusCode(), headers,
                    body(response.getBody(), Boolean.TRUE.equals(response.getIsBase64Encoded())));
        }

        @Override
        public void close() {
            handler.close();
        }
    }

    private record V2(APIGatewayV2HTTPEventFunction handler) implements ServerUnderTest {

        @Override
        public ApiResponse send(ApiRequest request) {
            String query = request.pathWithQuery().contains("?")
                    ? request.pathWithQuery().substring(request.pathWithQuery().indexOf('?') + 1) : "";
            APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder()
                    .withVersion("2.0")
                    .withRouteKey("$default")
                    .withRawPath(request.path())
                    .withRawQueryString(query)
                    .withQueryStringParameters(request.query().isEmpty() ? null : request.query())
                    .withHeaders(headers(request))
                    .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                            .withRequestId(UUID.randomUUID().toString())
                            .withStage("$default")
                            .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                    .withMethod(request.method())
                                    .withPath(request.path())
                                    .withProtocol("HTTP/1.1")
                                    .withSourceIp("127.0.0.1")
                                    .build())
                            .build())
                    .withBody(request.body() == null ? null : Base64.getEncoder().encodeToString(request.body()))
                    .withIsBase64Encoded(request.body() != null)
                    .build();
            APIGatewayV2HTTPResponse response = handler.handleRequest(event, new MockLambdaContext());
            Map<String, String> headers = new HashMap<>();
            if (response.getHeaders() != null) {
                headers.putAll(response.getHeaders());
            }
            if (response.getMultiValueHeaders() != null) {
                response.getMultiValueHeaders().forEach((k, v) -> headers.put(k, String.join(",", v)));
            }
            return new ApiResponse(response.getStatusCode(), headers, body(response.getBody(), response.getIsBase64Encoded()));
        }

        @Override
        public void close() {
            handler.close();
        }
    }

    /** API Gateway lower-cases nothing in v1 but does in v2; both carry Content-Length. */
    private static Map<String, String> headers(ApiRequest request) {
        Map<String, String> headers = new HashMap<>();
        request.headers().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
        headers.put("host", "api.example.com");
        if (request.body() != null) {
            headers.put("content-length", Integer.toString(request.body().length));
        }
        return headers;
    }

    private static Map<String, List<String>> multi(Map<String, String> single) {
        Map<String, List<String>> multi = new HashMap<>();
        single.forEach((k, v) -> multi.put(k, List.of(v)));
        return multi;
    }

    /** The body bytes as API Gateway would send them on: decoded when the handler base64-encoded them. */
    private static byte[] body(String body, boolean base64) {
        if (body == null) {
            return new byte[0];
        }
        return base64 ? Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
    }
}
