package dev.hauntedhelpdesk.lambda;

import dev.hauntedhelpdesk.contract.RuntimeUnderTest;
import dev.hauntedhelpdesk.contract.TokenApiContract;

/** Token checks and JWKS failures through the HTTP API model (payload v2, JWT authorizer in front) into the Lambda handler. */
class LambdaV2TokenApiTest extends TokenApiContract {

    @Override
    protected RuntimeUnderTest runtime() {
        return LambdaRuntime.v2();
    }
}
