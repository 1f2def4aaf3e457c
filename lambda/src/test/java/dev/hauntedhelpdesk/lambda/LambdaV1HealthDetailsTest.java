package dev.hauntedhelpdesk.lambda;

import dev.hauntedhelpdesk.contract.HealthDetailsContract;
import dev.hauntedhelpdesk.contract.RuntimeUnderTest;

/** Health details as API Gateway REST API (payload v1) events into the Lambda handler. */
class LambdaV1HealthDetailsTest extends HealthDetailsContract {

    @Override
    protected RuntimeUnderTest runtime() {
        return LambdaRuntime.v1();
    }
}
