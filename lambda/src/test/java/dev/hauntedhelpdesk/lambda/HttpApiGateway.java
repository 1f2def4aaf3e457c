package dev.hauntedhelpdesk.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.hauntedhelpdesk.contract.ApiRequest;
import dev.hauntedhelpdesk.contract.ApiResponse;
import dev.hauntedhelpdesk.contract.ServerUnderTest;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.proxy.MockLambdaContext;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP API (payload format 2.0) in front of the handler, as strict as API Gateway: the
 * template's routes (no route, 404), its JWT authorizer before the function runs (401
 * {@code {"message":"Unauthorized"}}, no invocation), its CORS configuration (preflights answered
 * by the gateway, the function's CORS headers replaced), requests as API Gateway sends them
 * (header names lower-cased, one value each, {@code Cookie} in {@code cookies}), Lambda's 6 MB
 * limits both ways, and of the function's answer only what API Gateway reads: {@code statusCode},
 * {@code headers}, {@code cookies}, {@code body}, {@code isBase64Encoded}. {@code multiValueHeaders}
 * does not exist in payload 2.0 and is ignored. A request line and headers over the HTTP API's
 * 10240-byte quota are refused by the gateway itself ({@link LambdaLimits#headTooLarge}); a
 * repeated query parameter reaches the function comma-joined in {@code queryStringParameters}.
 */
final class HttpApiGateway implements ServerUnderTest {

    static final String API_ID = "h77p4p1x2z";
    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final APIGatewayV2HTTPEventFunction handler;
    private final HttpApiDefinition api;
    private final Map<String, JwtAuthorizer> authorizers;
    private final String host;
    private final AtomicInteger invocations = new AtomicInteger();
    private volatile Sent lastEvent;

    HttpApiGateway(APIGatewayV2HTTPEventFunction handler, HttpApiDefinition api, Map<String, JwtAuthorizer> authorizers,
                   String region) {
        this.handler = handler;
        this.api = api;
        this.authorizers = Map.copyOf(authorizers);
        this.host = API_ID + ".execute-api." + region + ".amazonaws.com";
    }

    @Override
    public boolean authorizerInFront() {
        return api.routes().stream().anyMatch(r -> r.authorizer().isPresent());
    }

    /** How often the function ran; a request the gateway refused does not count. */
    int invocations() {
        return invocations.get();
    }

    /** What the last event handed to the function held, as sent (the handler may change the event). */
    record Sent(String routeKey, Map<String, String> pathParameters, Map<String, String> headers, List<String> cookies,
                Map<String, String> claims, Map<String, String> queryStringParameters) {
    }

    Sent lastEvent() {
        return lastEvent;
    }

    @Override
    public ApiResponse send(ApiRequest request) {
        String method = request.method().toUpperCase(Locale.ROOT);
        Map<String, String> headers = headers(request);
        if (LambdaLimits.headTooLarge(method, request.pathWithQuery(), headers)) {
            // Refused before routing or authorization; the documented quota, not the function's limit.
            return GatewayAnswers.message(431, "Request Header Fields Too Large");
        }
        headers.put("x-amzn-trace-id", GatewayTrace.header(headers.get("x-amzn-trace-id")));
        String origin = headers.get("origin");
        boolean preflight = api.cors().isPresent() && GatewayCors.isPreflight(method, headers);

        Optional<HttpApiRoute.Match> match = api.route(method, request.path());
        if (match.isEmpty()) {
            return preflight ? api.cors().get().preflight(origin) : GatewayAnswers.message(404, "Not Found");
        }
        APIGatewayV2HTTPEvent.RequestContext.Authorizer authorizer = null;
        Optional<String> authorizerName = match.get().route().authorizer();
        if (authorizerName.isPresent()) {
            HttpApiDefinition.JwtConfiguration configuration = api.authorizers().get(authorizerName.get());
            JwtAuthorizer.Decision decision = authorizers.get(authorizerName.get())
                    .authorize(headers.get(configuration.identityHeader().toLowerCase(Locale.ROOT)));
            if (decision instanceof JwtAuthorizer.Denied denied) {
                return GatewayAnswers.message(401, "Unauthorized",
                        denied.reason().map(r -> Map.of("www-authenticate", r)).orElse(Map.of()));
            }
            JwtAuthorizer.Allowed allowed = (JwtAuthorizer.Allowed) decision;
            authorizer = APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                    .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder()
                            .withClaims(allowed.claims()).withScopes(allowed.scopes()).build())
                    .build();
        }
        if (preflight) {
            return api.cors().get().preflight(origin);
        }

        APIGatewayV2HTTPEvent event = event(request, method, headers, match.get(), authorizer);
        if (LambdaLimits.tooLarge(event)) {
            return GatewayAnswers.message(413, "Request Entity Too Large");
        }
        invocations.incrementAndGet();
        lastEvent = new Sent(event.getRouteKey(), copy(event.getPathParameters()), copy(event.getHeaders()),
                event.getCookies() == null ? null : List.copyOf(event.getCookies()),
                authorizer == null ? null : copy(authorizer.getJwt().getClaims()), copy(event.getQueryStringParameters()));
        APIGatewayV2HTTPResponse response;
        try {
            response = handler.handleRequest(event, new MockLambdaContext());
        } catch (RuntimeException e) {
            return GatewayAnswers.message(500, "Internal Server Error");
        }
        if (LambdaLimits.tooLarge(response)) {
            return GatewayAnswers.message(500, "Internal Server Error");
        }
        Map<String, String> answered = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (response.getHeaders() != null) {
            answered.putAll(response.getHeaders());
        }
        if (response.getCookies() != null && !response.getCookies().isEmpty()) {
            // One Set-Cookie header per entry on the wire; joined here as the other runtimes join repeats.
            answered.put("set-cookie", String.join(",", response.getCookies()));
        }
        Map<String, String> sent = api.cors().map(cors -> cors.decorate(origin, answered)).orElse(answered);
        return new ApiResponse(response.getStatusCode(), sent,
                GatewayAnswers.body(response.getBody(), response.getIsBase64Encoded()));
    }

    /** Header names lower-cased, one value each (repeats comma-joined), plus what API Gateway adds. */
    private Map<String, String> headers(ApiRequest request) {
        Map<String, String> headers = new LinkedHashMap<>();
        request.headers().forEach((name, value) ->
                headers.merge(name.toLowerCase(Locale.ROOT), value, (a, b) -> a + "," + b));
        headers.put("host", host);
        headers.put("x-forwarded-for", "127.0.0.1");
        headers.put("x-forwarded-port", "443");
        headers.put("x-forwarded-proto", "https");
        if (request.body() != null) {
            headers.put("content-length", Integer.toString(request.body().length));
        }
        return headers;
    }

    private APIGatewayV2HTTPEvent event(ApiRequest request, String method, Map<String, String> headers,
                                        HttpApiRoute.Match match,
                                        APIGatewayV2HTTPEvent.RequestContext.Authorizer authorizer) {
        Map<String, String> eventHeaders = new LinkedHashMap<>(headers);
        List<String> cookies = null;
        String cookie = eventHeaders.remove("cookie");
        if (cookie != null) {
            cookies = new ArrayList<>();
            for (String part : cookie.split(";")) {
                if (!part.isBlank()) {
                    cookies.add(part.trim());
                }
            }
        }
        String pathWithQuery = request.pathWithQuery();
        String rawQuery = pathWithQuery.contains("?") ? pathWithQuery.substring(pathWithQuery.indexOf('?') + 1) : "";
        Instant now = Instant.now();
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(match.route().key())
                .withRawPath(request.path())
                .withRawQueryString(rawQuery)
                .withCookies(cookies)
                .withHeaders(eventHeaders)
                .withQueryStringParameters(queryStringParameters(request))
                .withPathParameters(match.pathParameters().isEmpty() ? null : match.pathParameters())
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withAccountId("123456789012")
                        .withApiId(API_ID)
                        .withDomainName(host)
                        .withDomainPrefix(API_ID)
                        .withRequestId(UUID.randomUUID().toString())
                        .withRouteKey(match.route().key())
                        .withStage("$default")
                        .withTime(REQUEST_TIME.format(now))
                        .withTimeEpoch(now.toEpochMilli())
                        .withAuthorizer(authorizer)
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod(method)
                                .withPath(request.path())
                                .withProtocol("HTTP/1.1")
                                .withSourceIp("127.0.0.1")
                                .withUserAgent(headers.getOrDefault("user-agent", "contract-tests"))
                                .build())
                        .build())
                .withBody(request.body() == null ? null : Base64.getEncoder().encodeToString(request.body()))
                .withIsBase64Encoded(request.body() != null)
                .build();
    }

    /**
     * Payload 2.0 has one value per name: API Gateway joins a repeated parameter's values with
     * commas ({@code ?a=1&a=2} becomes {@code "a": "1,2"}); {@code rawQueryString} keeps what was sent.
     */
    private static Map<String, String> queryStringParameters(ApiRequest request) {
        if (request.queryValues().isEmpty()) {
            return null;
        }
        Map<String, String> joined = new LinkedHashMap<>();
        request.queryValues().forEach((name, values) -> joined.put(name, String.join(",", values)));
        return joined;
    }

    private static Map<String, String> copy(Map<String, String> map) {
        return map == null ? null : Map.copyOf(map);
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
