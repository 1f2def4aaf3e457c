package dev.hauntedhelpdesk.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.hauntedhelpdesk.lambda.snapstart.SnapStartPriming;
import dev.hauntedhelpdesk.web.RequestHead;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.proxy.payload1.ApiGatewayProxyRequestEventFunction;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * The handler for a REST API (payload format 1.0) proxy integration:
 * {@code dev.hauntedhelpdesk.lambda.RestApiEventFunction}. The proxy's own handler, with a
 * request head the container would refuse (too long, or a header that is not valid HTTP) refused
 * the same way ({@link HeadGuard}) before the proxy sees it. The template deploys an HTTP API
 * ({@link HttpApiEventFunction}); this is the handler to name for a REST API.
 */
public class RestApiEventFunction extends ApiGatewayProxyRequestEventFunction {

    private final HeadGuard guard;
    private final EmbeddedMetrics metrics;
    /** Kept here because CRaC's global context holds its resources only weakly. */
    private final SnapStartPriming priming;

    /** Builds the application context from the environment, as Lambda starts the handler. */
    public RestApiEventFunction() {
        super();
        guard = HeadGuard.of(applicationContext);
        metrics = applicationContext.getBean(EmbeddedMetrics.class);
        // The request path without handleRequest's metric write: priming is no invocation.
        priming = SnapStartPriming.forRestApi(this::handle, applicationContext, PrimingLeftovers.of(applicationContext))
                .register();
    }

    /**
     * Runs on an application context built elsewhere.
     *
     * @param context a started or startable application context
     */
    public RestApiEventFunction(ApplicationContext context) {
        super(context);
        guard = HeadGuard.of(applicationContext);
        metrics = applicationContext.getBean(EmbeddedMetrics.class);
        // The request path without handleRequest's metric write: priming is no invocation.
        priming = SnapStartPriming.forRestApi(this::handle, applicationContext, PrimingLeftovers.of(applicationContext))
                .register();
    }

    /** What runs before a SnapStart snapshot is taken. */
    SnapStartPriming priming() {
        return priming;
    }

    /** The API function's context: triage runs go to the queue when there is one ({@link ApiFunctionContext}). */
    @Override
    protected ApplicationContextBuilder newApplicationContextBuilder() {
        return ApiFunctionContext.of(super.newApplicationContextBuilder());
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        try {
            return handle(event, context);
        } finally {
            // After the answer is built, so the request's own meters are in this invocation's lines.
            metrics.flush();
        }
    }

    private APIGatewayProxyResponseEvent handle(APIGatewayProxyRequestEvent event, Context context) {
        String path = event == null || event.getPath() == null ? "/" : event.getPath();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        if (event != null) {
            trimHeaders(event);
            if (event.getMultiValueHeaders() != null) {
                headers.putAll(event.getMultiValueHeaders());
            } else if (event.getHeaders() != null) {
                event.getHeaders().forEach((name, value) -> headers.put(name, List.of(value)));
            }
        }
        String requestId = event == null || event.getRequestContext() == null ? null
                : event.getRequestContext().getRequestId();
        if (event != null && event.getHttpMethod() != null) {
            Optional<HeadGuard.Answer> refused = guard.check(event.getHttpMethod(), path, path + query(event),
                    headers, requestId);
            if (refused.isPresent()) {
                return response(refused.get());
            }
        }
        try {
            return super.handleRequest(event, context);
        } catch (RuntimeException e) {
            return response(guard.failure(path, headers, requestId, e));
        }
    }

    /** Header values as an HTTP parser reads them, without surrounding whitespace (see RequestHead#trimOws). */
    private static void trimHeaders(APIGatewayProxyRequestEvent event) {
        if (event.getHeaders() != null) {
            Map<String, String> single = new LinkedHashMap<>();
            event.getHeaders().forEach((name, value) -> single.put(name, RequestHead.trimOws(value == null ? "" : value)));
            event.setHeaders(single);
        }
        if (event.getMultiValueHeaders() != null) {
            Map<String, List<String>> multi = new LinkedHashMap<>();
            event.getMultiValueHeaders().forEach((name, values) -> multi.put(name, values == null ? List.of()
                    : values.stream().map(v -> RequestHead.trimOws(v == null ? "" : v)).toList()));
            event.setMultiValueHeaders(multi);
        }
    }

    /** The query string as the client sent it, rebuilt from the event (a REST API event has no raw one). */
    private static String query(APIGatewayProxyRequestEvent event) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (event.getMultiValueQueryStringParameters() != null) {
            values.putAll(event.getMultiValueQueryStringParameters());
        } else if (event.getQueryStringParameters() != null) {
            event.getQueryStringParameters().forEach((name, value) -> values.put(name, List.of(value)));
        }
        if (values.isEmpty()) {
            return "";
        }
        StringJoiner query = new StringJoiner("&", "?", "");
        values.forEach((name, list) -> list.forEach(value -> query.add(URLEncoder.encode(name, StandardCharsets.UTF_8)
                + "=" + URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8))));
        return query.toString();
    }

    private static APIGatewayProxyResponseEvent response(HeadGuard.Answer answer) {
        return new APIGatewayProxyResponseEvent()
                .withStatusCode(answer.status())
                .withHeaders(answer.headers())
                .withBody(answer.body())
                .withIsBase64Encoded(false);
    }
}
