package dev.hauntedhelpdesk.lambda;

import dev.hauntedhelpdesk.contract.OpenApiContract;
import dev.hauntedhelpdesk.contract.RuntimeUnderTest;

/** The OpenAPI document against the routes and answers of the Lambda handler, as API Gateway REST API (payload v1) events. */
class LambdaV1OpenApiTest extends OpenApiContract {

    @Override
    protected RuntimeUnderTest runtime() {
        return LambdaRuntime.v1();
    }
}
