package dev.hauntedhelpdesk.container;

import dev.hauntedhelpdesk.contract.RuntimeUnderTest;
import dev.hauntedhelpdesk.contract.TicketApiContract;

/** The tickets API contract over HTTP against the Netty server. */
class NettyTicketApiTest extends TicketApiContract {

    @Override
    protected RuntimeUnderTest runtime() {
        return new NettyRuntime();
    }
}
