package dev.hauntedhelpdesk.lambda;

import dev.hauntedhelpdesk.contract.RuntimeUnderTest;

/** The meters as EMF lines, HTTP API (payload v2) events into the Lambda handler. */
class LambdaV2MetricsTest extends LambdaMetricsContract {

    @Override
    protected RuntimeUnderTest runtime() {
        return LambdaRuntime.v2();
    }
}
