package dev.hauntedhelpdesk.lambda;

import dev.hauntedhelpdesk.contract.RuntimeUnderTest;
import dev.hauntedhelpdesk.contract.WriteOutcomeApiContract;

/** Lost and late DynamoDB answers, as API Gateway HTTP API (payload v2) events into the Lambda handler. */
class LambdaV2WriteOutcomeApiTest extends WriteOutcomeApiContract {

    @Override
    protected RuntimeUnderTest runtime() {
        return LambdaRuntime.v2();
    }
}
