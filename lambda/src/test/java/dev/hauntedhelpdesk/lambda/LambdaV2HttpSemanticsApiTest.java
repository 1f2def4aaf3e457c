package dev.hauntedhelpdesk.lambda;

import dev.hauntedhelpdesk.contract.HttpSemanticsApiContract;
import dev.hauntedhelpdesk.contract.RuntimeUnderTest;

/** HTTP at its edges through the template's HTTP API (payload v2) into the Lambda handler. */
class LambdaV2HttpSemanticsApiTest extends HttpSemanticsApiContract {

    @Override
    protected RuntimeUnderTest runtime() {
        return LambdaRuntime.v2();
    }
}
