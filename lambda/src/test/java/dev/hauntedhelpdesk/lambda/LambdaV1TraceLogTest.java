package dev.hauntedhelpdesk.lambda;

import dev.hauntedhelpdesk.contract.RuntimeUnderTest;
import dev.hauntedhelpdesk.contract.TraceLogContract;

/** Trace ids on log lines, as API Gateway REST API (payload v1) events into the Lambda handler. */
class LambdaV1TraceLogTest extends TraceLogContract {

    @Override
    protected RuntimeUnderTest runtime() {
        return LambdaRuntime.v1();
    }

    @Override
    protected boolean gatewayAddsTrace() {
        return true;
    }
}
