package dev.hauntedhelpdesk.lambda;

import dev.hauntedhelpdesk.contract.LlmHealthContract;
import dev.hauntedhelpdesk.contract.RuntimeUnderTest;

/** LLM health on the Bedrock engine as API Gateway REST API (payload v1) events into the Lambda handler. */
class LambdaV1LlmHealthTest extends LlmHealthContract {

    @Override
    protected RuntimeUnderTest runtime() {
        return LambdaRuntime.v1();
    }
}
