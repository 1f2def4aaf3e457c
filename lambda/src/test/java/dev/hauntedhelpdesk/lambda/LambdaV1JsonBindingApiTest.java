package dev.hauntedhelpdesk.lambda;

import dev.hauntedhelpdesk.contract.JsonBindingApiContract;
import dev.hauntedhelpdesk.contract.RuntimeUnderTest;

/** Strict JSON bodies as API Gateway REST API (payload v1) events into the Lambda handler. */
class LambdaV1JsonBindingApiTest extends JsonBindingApiContract {

    @Override
    protected RuntimeUnderTest runtime() {
        return LambdaRuntime.v1();
    }
}
