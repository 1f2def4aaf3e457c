package dev.hauntedhelpdesk.lambda;

import dev.hauntedhelpdesk.contract.RuntimeUnderTest;
import dev.hauntedhelpdesk.contract.TokenApiContract;

/** Token checks and JWKS failures as API Gateway REST API (payload v1) events into the Lambda handler. */
class LambdaV1TokenApiTest extends TokenApiContract {

    @Override
    protected RuntimeUnderTest runtime() {
        return LambdaRuntime.v1();
    }
}
