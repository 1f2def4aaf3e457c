package dev.hauntedhelpdesk.lambda;

import dev.hauntedhelpdesk.contract.RuntimeUnderTest;

/** The triage API contract as API Gateway payload 1 events into the Lambda handler. */
class LambdaV1TriageApiTest extends LambdaTriageApiContract {

    @Override
    protected RuntimeUnderTest runtime() {
        return LambdaRuntime.v1();
    }
}
