package dev.hauntedhelpdesk.lambda;

import dev.hauntedhelpdesk.contract.RuntimeUnderTest;

/** The meters as EMF lines, REST API (payload v1) events into the Lambda handler. */
class LambdaV1MetricsTest extends LambdaMetricsContract {

    @Override
    protected RuntimeUnderTest runtime() {
        return LambdaRuntime.v1();
    }
}
