package dev.hauntedhelpdesk.lambda;

import dev.hauntedhelpdesk.contract.HealthDetailsContract;
import dev.hauntedhelpdesk.contract.RuntimeUnderTest;

/** Health details as API Gateway HTTP API (payload v2) events into the Lambda handler. */
class LambdaV2HealthDetailsTest extends HealthDetailsContract {

    @Override
    protected RuntimeUnderTest runtime() {
        return LambdaRuntime.v2();
    }
}
