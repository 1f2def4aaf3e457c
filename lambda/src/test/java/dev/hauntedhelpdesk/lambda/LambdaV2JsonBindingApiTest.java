package dev.hauntedhelpdesk.lambda;

import dev.hauntedhelpdesk.contract.JsonBindingApiContract;
import dev.hauntedhelpdesk.contract.RuntimeUnderTest;

/** Strict JSON bodies as API Gateway HTTP API (payload v2) events into the Lambda handler. */
class LambdaV2JsonBindingApiTest extends JsonBindingApiContract {

    @Override
    protected RuntimeUnderTest runtime() {
        return LambdaRuntime.v2();
    }
}
