package dev.hauntedhelpdesk.lambda;

import dev.hauntedhelpdesk.contract.AttachmentTriageContract;
import dev.hauntedhelpdesk.contract.RuntimeUnderTest;

/** Screenshots reaching the Bedrock engine, as API Gateway v2 events into the Lambda handler. */
class LambdaV2AttachmentTriageTest extends AttachmentTriageContract {

    @Override
    protected RuntimeUnderTest runtime() {
        return LambdaRuntime.v2();
    }
}
