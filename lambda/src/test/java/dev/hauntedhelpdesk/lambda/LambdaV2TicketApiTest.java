package dev.hauntedhelpdesk.lambda;

import dev.hauntedhelpdesk.contract.RuntimeUnderTest;
import dev.hauntedhelpdesk.contract.TicketApiContract;

/** The tickets API contract as API Gateway HTTP API (payload v2) events into the Lambda handler. */
class LambdaV2TicketApiTest extends TicketApiContract {

    @Override
    protected RuntimeUnderTest runtime() {
        return LambdaRuntime.v2();
    }
}
