package dev.hauntedhelpdesk.lambda;

import dev.hauntedhelpdesk.contract.RuntimeUnderTest;
import dev.hauntedhelpdesk.contract.WriteOutcomeApiContract;

/** Lost and late DynamoDB answers, as API Gateway REST API (payload v1) events into the Lambda handler. */
class LambdaV1WriteOutcomeApiTest extends WriteOutcomeApiContract {

    @Override
    protected RuntimeUnderTest runtime() {
        return LambdaRuntime.v1();
    }
}
