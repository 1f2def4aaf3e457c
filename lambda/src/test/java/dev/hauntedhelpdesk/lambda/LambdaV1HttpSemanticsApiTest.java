package dev.hauntedhelpdesk.lambda;

import dev.hauntedhelpdesk.contract.HttpSemanticsApiContract;
import dev.hauntedhelpdesk.contract.RuntimeUnderTest;

/** HTTP at its edges as REST API (payload v1) events into the Lambda handler. */
class LambdaV1HttpSemanticsApiTest extends HttpSemanticsApiContract {

    @Override
    protected RuntimeUnderTest runtime() {
        return LambdaRuntime.v1();
    }
}
