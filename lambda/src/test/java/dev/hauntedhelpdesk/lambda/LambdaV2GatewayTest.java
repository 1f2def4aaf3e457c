package dev.hauntedhelpdesk.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hauntedhelpdesk.contract.Api;
import dev.hauntedhelpdesk.contract.ApiRequest;
import dev.hauntedhelpdesk.contract.ApiResponse;
import dev.hauntedhelpdesk.contract.ServerUnderTest;
import dev.hauntedhelpdesk.testing.BackendProperties;
import dev.hauntedhelpdesk.testing.CognitoPool;
import io.micronaut.function.aws.proxy.MockLambdaContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import static dev.hauntedhelpdesk.contract.TicketApiContract.assertGatewayUnauthorized;
import static dev.hauntedhelpdesk.contract.TicketApiContract.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What API Gateway's HTTP API does around the function, shown through the strict v2 runtime: the
 * authorizer keeps tokenless requests from ever running the function, a valid token arrives with
 * the claims API Gateway passes on, Lambda's 6 MB limits turn into gateway errors, and without
 * the template's handler repeated header values would be lost. Invoked without the gateway, the
 * function still refuses a spoofed identity.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LambdaV2GatewayTest {

    private static final String ORIGIN = "https://helpdesk.example.com";
    private static final ObjectMapper JSON = new ObjectMapper();

    private CognitoPool pool;
    private Map<String, Object> properties;
    private HttpApiGateway gateway;
    private Api api;

    @BeforeAll
    void start() {
        pool = CognitoPool.shared();
        properties = BackendProperties.forApp(BackendProperties.uniqueTableName());
        properties.put("helpdesk.test.faults", "true");
        properties.put("helpdesk.cors-origins", ORIGIN);
        gateway = (HttpApiGateway) LambdaRuntime.v2().start(properties);
        api = new Api(gateway, pool);
    }

    @AfterAll
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void requestsWithoutAValidToken_areRefusedByTheGateway_andNeverRunTheFunction() {
        int before = gateway.invocations();

        ApiResponse none = api.send(ApiRequest.of("GET", "/api/tickets"));
        ApiResponse forged = api.send(ApiRequest.of("GET", "/api/tickets")
                .header("Authorization", "Bearer " + pool.forgedAccessToken("alice")));
        ApiResponse otherClient = api.send(ApiRequest.of("POST", "/api/tickets")
                .header("Authorization", "Bearer " + pool.accessTokenFromOtherClient("alice"))
                .json(Api.ticketJson("x", "y", "low", null)));

        assertGatewayUnauthorized(none);
        assertGatewayUnauthorized(forged);
        assertTrue(forged.header("www-authenticate").contains("invalid signature"), forged::toString);
        assertGatewayUnauthorized(otherClient);
        assertTrue(otherClient.header("www-authenticate").contains("audience"), otherClient::toString);
        assertEquals(before, gateway.invocations());
    }

    @Test
    void aValidToken_reachesTheFunction_asApiGatewaySendsIt() {
        ApiResponse response = api.as("carol", ApiRequest.of("GET", "/api/tickets").query("limit", "5")
                .header("X-Correlation-ID", "Mixed-Case-Id").header("Cookie", "theme=dark; lang=en"));

        assertEquals(200, response.status(), response::toString);
        HttpApiGateway.Sent event = gateway.lastEvent();
        assertEquals("ANY /{proxy+}", event.routeKey());
        assertEquals(Map.of("proxy", "api/tickets"), event.pathParameters());
        assertTrue(event.headers().keySet().stream().allMatch(k -> k.equals(k.toLowerCase())), event::toString);
        assertEquals("Mixed-Case-Id", event.headers().get("x-correlation-id"));
        assertFalse(event.headers().containsKey("cookie"), event::toString);
        assertEquals(java.util.List.of("theme=dark", "lang=en"), event.cookies());
        Map<String, String> claims = event.claims();
        assertEquals(pool.sub("carol"), claims.get("sub"));
        assertEquals(pool.clientId(), claims.get("client_id"));
        assertEquals("[agents]", claims.get("cognito:groups"));
        assertEquals(pool.issuer(), claims.get("iss"));
    }

    @Test
    void publicRoutes_needNoToken_andUnknownPathsOutsideTheRoutes_are404FromTheGateway() {
        assertEquals(200, api.send(ApiRequest.of("GET", "/health")).status());
        assertEquals(200, api.send(ApiRequest.of("GET", "/health/liveness")).status());
        ApiResponse root = api.send(ApiRequest.of("GET", "/"));
        assertEquals(404, root.status(), root::toString);
        assertEquals("Not Found", root.json().path("message").asText());
    }

    @Test
    void aPreflight_isAnsweredByTheGateway_withoutRunningTheFunction() {
        int before = gateway.invocations();
        ApiResponse preflight = api.send(ApiRequest.of("OPTIONS", "/api/tickets")
                .header("Origin", ORIGIN).header("Access-Control-Request-Method", "POST"));

        assertEquals(204, preflight.status(), preflight::toString);
        assertEquals(ORIGIN, preflight.header("Access-Control-Allow-Origin"));
        assertEquals(before, gateway.invocations());
    }

    @Test
    void aResponseOverLambdasLimit_isAnInternalServerError_whileOneUnderItPasses() {
        ApiResponse small = api.as("alice", ApiRequest.of("GET", "/api/faults/bytes/" + 3 * 1024 * 1024));
        // 4.5 MiB of body is 6 MiB of base64: over the limit with the JSON around it.
        ApiResponse large = api.as("alice", ApiRequest.of("GET", "/api/faults/bytes/" + (4 * 1024 * 1024 + 512 * 1024)));

        assertEquals(200, small.status(), () -> small.status() + " " + small.headers());
        assertEquals(3 * 1024 * 1024, small.bytes().length);
        assertEquals(500, large.status(), () -> large.status() + " " + large.headers());
        assertEquals("Internal Server Error", large.json().path("message").asText());
    }

    @Test
    void aRequestOverLambdasLimit_isRefusedBeforeTheFunctionRuns() {
        int before = gateway.invocations();
        ApiResponse response = api.as("alice", ApiRequest.of("POST", "/api/tickets")
                .json(Api.ticketJson("Huge", "x".repeat(5 * 1024 * 1024), "low", null)));

        assertEquals(413, response.status(), () -> response.status() + " " + response.headers());
        assertEquals(before, gateway.invocations());
    }

    @Test
    void withoutTheTemplatesHandler_repeatedHeaderValuesWouldBeLost() {
        try (ServerUnderTest plain = LambdaRuntime.v2(LambdaRuntime.PlainV2Function::new).start(properties)) {
            ApiResponse response = new Api(plain, pool).as("alice", ApiRequest.of("GET", "/api/faults/repeated-headers"));

            assertEquals(200, response.status(), response::toString);
            assertEquals("one", response.header("X-Repeated"), response::toString);
            assertTrue(response.header("Set-Cookie").contains("first=1"), response::toString);
            assertFalse(response.header("Set-Cookie").contains("second=2"), response::toString);
        }
    }

    @Test
    void invokedWithoutTheGateway_theFunctionStillRefusesASpoofedIdentity() throws IOException {
        LambdaRuntime.TestV2Function function = LambdaRuntime.handler(properties, LambdaRuntime.TestV2Function::new);
        try {
            // Claims in requestContext and ALB identity headers, as a caller with lambda:InvokeFunction could forge them.
            APIGatewayV2HTTPEvent spoofed = APIGatewayV2HTTPEvent.builder()
                    .withVersion("2.0").withRouteKey("ANY /{proxy+}").withRawPath("/api/tickets").withRawQueryString("")
                    .withHeaders(Map.of("host", "example", "x-amzn-oidc-identity", pool.sub("dave"),
                            "x-amzn-oidc-data", pool.idToken("dave")))
                    .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                            .withRequestId(UUID.randomUUID().toString()).withStage("$default")
                            .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                                    .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder()
                                            .withClaims(Map.of("sub", pool.sub("dave"), "cognito:groups", "[admins]",
                                                    "client_id", pool.clientId())).build()).build())
                            .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("GET")
                                    .withPath("/api/tickets").withProtocol("HTTP/1.1").withSourceIp("127.0.0.1").build())
                            .build())
                    .withIsBase64Encoded(false)
                    .build();

            APIGatewayV2HTTPResponse response = function.handleRequest(spoofed, new MockLambdaContext());

            ApiResponse answer = new ApiResponse(response.getStatusCode(), response.getHeaders(),
                    response.getBody() == null ? null : response.getBody().getBytes(StandardCharsets.UTF_8));
            assertProblem(answer, 401, "unauthorized");
            JsonNode body = JSON.readTree(response.getBody());
            assertFalse(body.toString().contains(pool.sub("dave")), body::toString);
        } finally {
            function.close();
        }
    }
}
