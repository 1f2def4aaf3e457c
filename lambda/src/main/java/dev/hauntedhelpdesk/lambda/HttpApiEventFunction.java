package dev.hauntedhelpdesk.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.hauntedhelpdesk.lambda.snapstart.SnapStartPriming;
import dev.hauntedhelpdesk.web.RequestHead;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The handler behind the HTTP API (payload format 2.0):
 * {@code dev.hauntedhelpdesk.lambda.HttpApiEventFunction}.
 *
 * <p>Payload 2.0 has no {@code multiValueHeaders}: API Gateway reads one value per name from
 * {@code headers} and the {@code Set-Cookie} values from {@code cookies}, and ignores the rest. The
 * proxy's own handler puts only the first value of each header in {@code headers}, so every further
 * value ({@code Vary}, {@code Access-Control-Expose-Headers}, a second cookie) would be lost. This
 * handler writes every value into what API Gateway reads: repeated headers comma-joined into one
 * value (RFC 9110 5.3 makes that equivalent), cookies one per entry (a cookie may itself contain
 * commas, so it is never joined).
 *
 * <p>On the way in, API Gateway moves the request's {@code Cookie} header into {@code cookies};
 * it is put back as a header, so the application sees the request as it was sent. A request head
 * the container would refuse (too long, or a header that is not valid HTTP) is refused here the
 * same way ({@link HeadGuard}), before the proxy sees it.
 */
public class HttpApiEventFunction extends APIGatewayV2HTTPEventFunction {

    private static final String SET_COOKIE = "set-cookie";

    private final HeadGuard guard;
    private final EmbeddedMetrics metrics;
    /** Kept here because CRaC's global context holds its resources only weakly. */
    private final SnapStartPriming priming;

    /** Builds the application context from the environment, as Lambda starts the handler. */
    public HttpApiEventFunction() {
        super();
        guard = HeadGuard.of(applicationContext);
        metrics = applicationContext.getBean(EmbeddedMetrics.class);
        // The request path without handleRequest's metric write: priming is no invocation.
        priming = SnapStartPriming.forHttpApi(this::handle, applicationContext, PrimingLeftovers.of(applicationContext))
                .register();
    }

    /**
     * Runs on an application context built elsewhere.
     *
     * @param context a started or startable application context
     */
    public HttpApiEventFunction(ApplicationContext context) {
        super(context);
        guard = HeadGuard.of(applicationContext);
        metrics = applicationContext.getBean(EmbeddedMetrics.class);
        // The request path without handleRequest's metric write: priming is no invocation.
        priming = SnapStartPriming.forHttpApi(this::handle, applicationContext, PrimingLeftovers.of(applicationContext))
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
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        try {
            return handle(event, context);
        } finally {
            // After the answer is built, so the request's own meters are in this invocation's lines.
            metrics.flush();
        }
    }

    private APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event, Context context) {
        restoreCookieHeader(event);
        String path = event == null || event.getRawPath() == null ? "/" : event.getRawPath();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        if (event != null && event.getHeaders() != null) {
            Map<String, String> trimmed = new LinkedHashMap<>();
            event.getHeaders().forEach((name, value) -> trimmed.put(name, RequestHead.trimOws(value == null ? "" : value)));
            event.setHeaders(trimmed);
            trimmed.forEach((name, value) -> headers.put(name, List.of(value)));
        }
        String requestId = event == null || event.getRequestContext() == null ? null
                : event.getRequestContext().getRequestId();
        if (event != null && event.getRequestContext() != null && event.getRequestContext().getHttp() != null) {
            String query = event.getRawQueryString() == null || event.getRawQueryString().isEmpty() ? ""
                    : "?" + event.getRawQueryString();
            Optional<HeadGuard.Answer> refused = guard.check(event.getRequestContext().getHttp().getMethod(), path,
                    path + query, headers, requestId);
            if (refused.isPresent()) {
                return response(refused.get());
            }
        }
        try {
            return foldHeaders(super.handleRequest(event, context));
        } catch (RuntimeException e) {
            return response(guard.failure(path, headers, requestId, e));
        }
    }

    private static APIGatewayV2HTTPResponse response(HeadGuard.Answer answer) {
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(answer.status())
                .withHeaders(answer.headers())
                .withBody(answer.body())
                .withIsBase64Encoded(false)
                .build();
    }

    private static void restoreCookieHeader(APIGatewayV2HTTPEvent event) {
        if (event == null || event.getCookies() == null || event.getCookies().isEmpty()) {
            return;
        }
        Map<String, String> headers = event.getHeaders() == null ? new LinkedHashMap<>()
                : new LinkedHashMap<>(event.getHeaders());
        headers.put("cookie", String.join("; ", event.getCookies()));
        event.setHeaders(headers);
    }

    /**
     * Every response header value, in the only fields payload 2.0 reads.
     *
     * @param response the proxy's answer, with all values in {@code multiValueHeaders}
     * @return the same answer with {@code headers} and {@code cookies} complete and no
     *     {@code multiValueHeaders}
     */
    static APIGatewayV2HTTPResponse foldHeaders(APIGatewayV2HTTPResponse response) {
        Map<String, List<String>> all = new LinkedHashMap<>();
        if (response.getHeaders() != null) {
            response.getHeaders().forEach((name, value) -> all.put(name, new ArrayList<>(List.of(value))));
        }
        if (response.getMultiValueHeaders() != null) {
            // The multi-valued map holds every value, the first one included.
            response.getMultiValueHeaders().forEach((name, values) -> all.put(name, new ArrayList<>(values)));
        }
        Map<String, String> headers = new LinkedHashMap<>();
        List<String> cookies = new ArrayList<>(response.getCookies() == null ? List.of() : response.getCookies());
        all.forEach((name, values) -> {
            if (name.toLowerCase(Locale.ROOT).equals(SET_COOKIE)) {
                cookies.addAll(values);
            } else if (!values.isEmpty()) {
                headers.merge(name, String.join(",", values), (a, b) -> a + "," + b);
            }
        });
        response.setHeaders(headers);
        response.setMultiValueHeaders(null);
        response.setCookies(cookies.isEmpty() ? null : cookies);
        return response;
    }
}
