package dev.hauntedhelpdesk.container;

import dev.hauntedhelpdesk.contract.RuntimeUnderTest;
import dev.hauntedhelpdesk.contract.TicketApiStateMachine;

/** The stateful API property over HTTP against the Netty server. */
class NettyTicketApiProperties extends TicketApiStateMachine {

    @Override
    protected RuntimeUnderTest runtime() {
        return new NettyRuntime();
    }
}
