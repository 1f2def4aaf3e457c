package dev.hauntedhelpdesk.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
 * it is put back as a header, so the application sees the request as it was sent.
 */
public class HttpApiEventFunction extends APIGatewayV2HTTPEventFunction {

    private static final String SET_COOKIE = "set-cookie";

    /** Builds the application context from the environment, as Lambda starts the handler. */
    public HttpApiEventFunction() {
        super();
    }

    /**
     * Runs on an application context built elsewhere.
     *
     * @param context a started or startable application context
     */
    public HttpApiEventFunction(ApplicationContext context) {
        super(context);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        restoreCookieHeader(event);
        return foldHeaders(super.handleRequest(event, context));
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
