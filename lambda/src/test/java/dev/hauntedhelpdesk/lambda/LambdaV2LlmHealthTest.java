package dev.hauntedhelpdesk.lambda;

import dev.hauntedhelpdesk.contract.LlmHealthContract;
import dev.hauntedhelpdesk.contract.RuntimeUnderTest;

/** LLM health on the Bedrock engine as API Gateway HTTP API (payload v2) events into the Lambda handler. */
class LambdaV2LlmHealthTest extends LlmHealthContract {

    @Override
    protected RuntimeUnderTest runtime() {
        return LambdaRuntime.v2();
    }
}
