package dev.hauntedhelpdesk.lambda;

import dev.hauntedhelpdesk.contract.RuntimeUnderTest;
import dev.hauntedhelpdesk.contract.TicketApiContract;

/** The tickets API contract as API Gateway REST API (payload v1) events into the Lambda handler. */
class LambdaV1TicketApiTest extends TicketApiContract {

    @Override
    protected RuntimeUnderTest runtime() {
        return LambdaRuntime.v1();
    }
}
