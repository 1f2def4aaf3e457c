package dev.hauntedhelpdesk.container;

import dev.hauntedhelpdesk.contract.Api;
import dev.hauntedhelpdesk.contract.ApiRequest;
import dev.hauntedhelpdesk.contract.OpenApiContract;
import dev.hauntedhelpdesk.contract.RuntimeUnderTest;
import dev.hauntedhelpdesk.contract.ServerUnderTest;
import dev.hauntedhelpdesk.testing.BackendProperties;
import dev.hauntedhelpdesk.testing.CognitoPool;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The OpenAPI document against the routes and answers of the Netty server, over HTTP. */
class NettyOpenApiTest extends OpenApiContract {

    @Override
    protected RuntimeUnderTest runtime() {
        return new NettyRuntime();
    }

    @Test
    void swaggerUi_isServedInDevModeOnly() {
        try (ServerUnderTest server = runtime().start(BackendProperties.forApp(BackendProperties.uniqueTableName()))) {
            assertEquals(404, new Api(server, CognitoPool.shared())
                    .as("alice", ApiRequest.of("GET", "/dev/swagger-ui")).status());
        }
    }
}
