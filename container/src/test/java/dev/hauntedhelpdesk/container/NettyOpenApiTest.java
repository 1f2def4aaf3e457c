package dev.hauntedhelpdesk.container;

import dev.hauntedhelpdesk.contract.OpenApiContract;
import dev.hauntedhelpdesk.contract.RuntimeUnderTest;

/** The OpenAPI document against the routes and answers of the Netty server, over HTTP. */
class NettyOpenApiTest extends OpenApiContract {

    @Override
    protected RuntimeUnderTest runtime() {
        return new NettyRuntime();
    }
}
