package dev.hauntedhelpdesk.lambda;

import dev.hauntedhelpdesk.contract.RuntimeUnderTest;
import dev.hauntedhelpdesk.contract.TicketApiStateMachine;

/** The stateful API property as API Gateway HTTP API (v2) events into the Lambda handler. */
class LambdaTicketApiProperties extends TicketApiStateMachine {

    @Override
    protected RuntimeUnderTest runtime() {
        return LambdaRuntime.v2();
    }
}
