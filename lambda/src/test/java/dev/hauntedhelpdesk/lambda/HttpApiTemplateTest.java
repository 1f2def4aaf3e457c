package dev.hauntedhelpdesk.lambda;

import dev.hauntedhelpdesk.web.CorsPolicy;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The HTTP API as the template deploys it: its CORS lists are the code's ({@link CorsPolicy}), a
 * preflight reaches a route without the authorizer, and the handler is the one that keeps every
 * header value.
 */
class HttpApiTemplateTest {

    private static final SamTemplate TEMPLATE = SamTemplate.load();

    private static TemplateValues deployment(String corsOrigins) {
        return new TemplateValues(TEMPLATE, Map.of("AWS::Region", "eu-west-1", "UserPool", "eu-west-1_Pool",
                "UserPoolClient", "client-1", "CorsOrigins", corsOrigins));
    }

    @Test
    void corsConfiguration_takesTheOriginsParameter_andListsExactlyTheCodesMethodsAndHeaders() {
        GatewayCors cors = HttpApiDefinition.of(TEMPLATE, deployment("https://a.example,https://b.example"), "HttpApi")
                .cors().orElseThrow();

        assertEquals(List.of("https://a.example", "https://b.example"), cors.allowOrigins());
        assertEquals(lower(CorsPolicy.ALLOWED_METHODS), lower(cors.allowMethods()));
        assertEquals(lower(CorsPolicy.ALLOWED_HEADERS), lower(cors.allowHeaders()));
        assertEquals(lower(CorsPolicy.EXPOSED_HEADERS), lower(cors.exposeHeaders()));
        assertEquals((int) CorsPolicy.MAX_AGE.toSeconds(), cors.maxAge());
        assertEquals(CorsPolicy.ALLOW_CREDENTIALS, cors.allowCredentials());
    }

    @Test
    void withoutOrigins_theApiHasNoCorsConfiguration() {
        assertTrue(HttpApiDefinition.of(TEMPLATE, deployment(""), "HttpApi").cors().isEmpty());
    }

    @Test
    void aPreflight_reachesARouteWithoutTheAuthorizer_whileEveryOtherApiRouteHasIt() {
        HttpApiDefinition api = HttpApiDefinition.of(TEMPLATE, deployment("https://a.example"), "HttpApi");

        assertEquals(Optional.empty(), api.route("OPTIONS", "/api/tickets/1").orElseThrow().route().authorizer());
        for (String method : List.of("GET", "POST", "PATCH", "DELETE", "PUT", "HEAD")) {
            assertEquals(Optional.of("CognitoJwt"), api.route(method, "/api/tickets/1").orElseThrow().route().authorizer(),
                    method);
        }
        assertEquals(Optional.empty(), api.route("GET", "/health").orElseThrow().route().authorizer());
        assertEquals(Optional.empty(), api.route("GET", "/health/readiness").orElseThrow().route().authorizer());
        assertEquals(Optional.empty(), api.route("GET", "/openapi.yml").orElseThrow().route().authorizer());
        assertEquals(Optional.of("CognitoJwt"), api.route("POST", "/openapi.yml").orElseThrow().route().authorizer());
    }

    @Test
    void theAuthorizer_trustsThisStacksPoolAndAppClient() {
        HttpApiDefinition.JwtConfiguration jwt = HttpApiDefinition.of(TEMPLATE, deployment(""), "HttpApi")
                .authorizers().get("CognitoJwt");

        assertEquals("Authorization", jwt.identityHeader());
        assertEquals("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Pool", jwt.issuer());
        assertEquals(List.of("client-1"), jwt.audiences());
    }

    @Test
    void theApiFunctionsHandler_isTheOneThatKeepsEveryHeaderValue() {
        assertEquals(HttpApiEventFunction.class.getName(), TEMPLATE.properties("ApiFunction").get("Handler"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theBucketAcceptsBrowserUploadsFromTheOrigins_andServesLinksToAny_onlyWhenCorsIsOn() {
        Map<String, Object> on = (Map<String, Object>) deployment("https://a.example").resolve(
                TEMPLATE.properties("AttachmentBucket").get("CorsConfiguration"));
        Object off = deployment("").resolve(TEMPLATE.properties("AttachmentBucket").get("CorsConfiguration"));

        List<Map<String, Object>> rules = (List<Map<String, Object>>) on.get("CorsRules");
        assertEquals(List.of("PUT"), rules.get(0).get("AllowedMethods"));
        assertEquals(List.of("https://a.example"), rules.get(0).get("AllowedOrigins"));
        assertEquals(List.of("GET"), rules.get(1).get("AllowedMethods"));
        assertNull(off);
    }

    private static List<String> lower(List<String> values) {
        return values.stream().map(v -> v.toLowerCase(Locale.ROOT)).sorted().toList();
    }
}
