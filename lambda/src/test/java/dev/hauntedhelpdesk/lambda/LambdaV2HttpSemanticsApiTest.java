package dev.hauntedhelpdesk.lambda;

import dev.hauntedhelpdesk.contract.ApiRequest;
import dev.hauntedhelpdesk.contract.ApiResponse;
import dev.hauntedhelpdesk.contract.HttpSemanticsApiContract;
import dev.hauntedhelpdesk.contract.RuntimeUnderTest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * HTTP at its edges through the template's HTTP API (payload v2) into the Lambda handler; and
 * what the gateway refuses before the function runs.
 */
class LambdaV2HttpSemanticsApiTest extends HttpSemanticsApiContract {

    @Override
    protected RuntimeUnderTest runtime() {
        return LambdaRuntime.v2();
    }

    @Test
    void headOverTheHttpApiQuota_isRefusedByTheGateway_withoutInvokingTheFunction() {
        HttpApiGateway gateway = (HttpApiGateway) server;
        int before = gateway.invocations();

        ApiResponse response = api.send(ApiRequest.of("GET", "/health").header("X-Padding",
                "p".repeat(LambdaLimits.MAX_HEAD_BYTES)));

        assertEquals(431, response.status(), response::toString);
        assertEquals("Request Header Fields Too Large", response.json().path("message").asText());
        assertEquals(before, gateway.invocations());
    }

    @Test
    void repeatedQueryParameter_reachesTheFunctionCommaJoined() {
        api.as("alice", ApiRequest.of("GET", "/api/tickets").addQuery("limit", "5").addQuery("limit", "6"));

        HttpApiGateway gateway = (HttpApiGateway) server;
        assertEquals("5,6", gateway.lastEvent().queryStringParameters().get("limit"));
    }
}
