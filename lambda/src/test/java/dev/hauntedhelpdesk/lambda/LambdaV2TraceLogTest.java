package dev.hauntedhelpdesk.lambda;

import dev.hauntedhelpdesk.contract.RuntimeUnderTest;
import dev.hauntedhelpdesk.contract.TraceLogContract;

/** Trace ids on log lines, as API Gateway HTTP API (payload v2) events into the Lambda handler. */
class LambdaV2TraceLogTest extends TraceLogContract {

    @Override
    protected RuntimeUnderTest runtime() {
        return LambdaRuntime.v2();
    }

    @Override
    protected boolean gatewayAddsTrace() {
        return true;
    }
}
