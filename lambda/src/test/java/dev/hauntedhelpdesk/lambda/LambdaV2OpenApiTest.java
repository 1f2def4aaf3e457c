package dev.hauntedhelpdesk.lambda;

import dev.hauntedhelpdesk.contract.OpenApiContract;
import dev.hauntedhelpdesk.contract.RuntimeUnderTest;

/** The OpenAPI document against the routes and answers of the Lambda handler, as API Gateway HTTP API (payload v2) events. */
class LambdaV2OpenApiTest extends OpenApiContract {

    @Override
    protected RuntimeUnderTest runtime() {
        return LambdaRuntime.v2();
    }
}
