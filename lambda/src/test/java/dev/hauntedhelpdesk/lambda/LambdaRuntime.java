package dev.hauntedhelpdesk.lambda;

import com.nimbusds.jose.jwk.JWKSet;
import dev.hauntedhelpdesk.contract.RuntimeUnderTest;
import dev.hauntedhelpdesk.testing.SdkCallRecorder;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;

import java.io.IOException;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The Lambda runtime: the real handlers behind models of API Gateway. {@link #v2()} is the HTTP
 * API that {@code lambda/template.yaml} deploys, with its routes, JWT authorizer and CORS
 * configuration, in front of the template's handler; {@link #v1()} is a REST API proxy with no
 * authorizer in front of {@link RestApiEventFunction}, the payload 1.0 handler to name for one.
 */
final class LambdaRuntime {

    /** The API function's role in lambda/template.yaml: every SDK call of these handlers is recorded as its. */
    static final String ROLE = "ApiFunction";

    /** Where the gateway's JWT authorizer fetches the issuer's keys when not the application's URL. */
    static final String GATEWAY_JWKS_URL = "test.gateway.jwks-url";

    /** Handlers build their context in the constructor, so test properties reach them this way. */
    private static final ThreadLocal<Map<String, Object>> PROPERTIES = new ThreadLocal<>();

    private LambdaRuntime() {
    }

    static RuntimeUnderTest v1() {
        return properties -> withProperties(properties, () -> new RestApiGateway(new TestV1Function()));
    }

    static RuntimeUnderTest v2() {
        return v2(TestV2Function::new);
    }

    /** The template's HTTP API in front of another payload 2.0 handler. */
    static RuntimeUnderTest v2(Supplier<? extends APIGatewayV2HTTPEventFunction> handler) {
        return properties -> withProperties(properties, () -> httpApi(properties, handler.get()));
    }

    /** Starts a handler with test properties, for tests that invoke it without any gateway. */
    static <T> T handler(Map<String, Object> properties, Supplier<T> handler) {
        return withProperties(properties, handler);
    }

    private static HttpApiGateway httpApi(Map<String, Object> properties, APIGatewayV2HTTPEventFunction handler) {
        SamTemplate template = SamTemplate.load();
        TemplateValues deployment = deployment(template, properties);
        HttpApiDefinition api = HttpApiDefinition.of(template, deployment, "HttpApi");
        // API Gateway finds the keys through the issuer's discovery document; here the pool's
        // emulator serves them under the URL the application is given too, unless a test breaks
        // the application's endpoint and names the gateway's own (test.gateway.jwks-url).
        Object gatewayJwks = properties.getOrDefault(GATEWAY_JWKS_URL, properties.get("helpdesk.cognito.jwks-url"));
        Supplier<JWKSet> keys = memoized(() -> loadKeys(URI.create(String.valueOf(gatewayJwks))));
        Map<String, JwtAuthorizer> authorizers = new HashMap<>();
        api.authorizers().forEach((name, jwt) ->
                authorizers.put(name, new JwtAuthorizer(jwt.issuer(), jwt.audiences(), keys, Clock.systemUTC())));
        return new HttpApiGateway(handler, api, authorizers, String.valueOf(deployment.resolve(Map.of("Ref", "AWS::Region"))));
    }

    /**
     * The deployment these application properties stand for: the template's parameters and
     * resources take the values the function was given (the same pool, app client and origins).
     */
    static TemplateValues deployment(SamTemplate template, Map<String, Object> properties) {
        Map<String, Object> given = new LinkedHashMap<>();
        given.put("AWS::Region", properties.get("helpdesk.cognito.region"));
        given.put("UserPool", properties.get("helpdesk.cognito.user-pool-id"));
        // COGNITO_APP_CLIENT_IDS is the template's one app client.
        given.put("UserPoolClient", String.valueOf(properties.get("helpdesk.cognito.client-ids")).split(",")[0].trim());
        Object origins = properties.get("helpdesk.cors-origins");
        given.put("CorsOrigins", origins == null ? "" : String.valueOf(origins));
        return new TemplateValues(template, given);
    }

    private static JWKSet loadKeys(URI jwks) {
        try {
            // Bounded, so a test whose endpoint hangs fails instead of waiting forever.
            return JWKSet.load(jwks.toURL(), 2000, 3000, 0);
        } catch (IOException | ParseException e) {
            throw new IllegalStateException("Could not load the pool's keys from " + jwks, e);
        }
    }

    private static <T> Supplier<T> memoized(Supplier<T> supplier) {
        Map<Boolean, T> cache = new ConcurrentHashMap<>();
        return () -> cache.computeIfAbsent(Boolean.TRUE, k -> supplier.get());
    }

    private static <T> T withProperties(Map<String, Object> properties, Supplier<T> handler) {
        PROPERTIES.set(SdkCallRecorder.as(ROLE, properties));
        try {
            return handler.get();
        } finally {
            PROPERTIES.remove();
        }
    }

    private static ApplicationContextBuilder withTestProperties(ApplicationContextBuilder builder) {
        return builder.properties(PROPERTIES.get());
    }

    /** The REST API handler, with test properties added to the context it builds itself. */
    static final class TestV1Function extends RestApiEventFunction {
        @Override
        protected ApplicationContextBuilder newApplicationContextBuilder() {
            return withTestProperties(super.newApplicationContextBuilder());
        }
    }

    /** The template's v2 handler, with test properties added to the context it builds itself. */
    static final class TestV2Function extends HttpApiEventFunction {
        @Override
        protected ApplicationContextBuilder newApplicationContextBuilder() {
            return withTestProperties(super.newApplicationContextBuilder());
        }
    }

    /** The proxy's own payload 2.0 handler, which the template no longer uses. */
    static final class PlainV2Function extends APIGatewayV2HTTPEventFunction {
        @Override
        protected ApplicationContextBuilder newApplicationContextBuilder() {
            return withTestProperties(super.newApplicationContextBuilder());
        }
    }
}
