package dev.hauntedhelpdesk.lambda;

import dev.hauntedhelpdesk.contract.RuntimeUnderTest;

/** The triage API contract as API Gateway payload 2 events into the Lambda handler. */
class LambdaV2TriageApiTest extends LambdaTriageApiContract {

    @Override
    protected RuntimeUnderTest runtime() {
        return LambdaRuntime.v2();
    }
}
