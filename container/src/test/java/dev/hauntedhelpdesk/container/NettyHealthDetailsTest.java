package dev.hauntedhelpdesk.container;

import dev.hauntedhelpdesk.contract.HealthDetailsContract;
import dev.hauntedhelpdesk.contract.RuntimeUnderTest;

/** Health details over HTTP against the Netty server. */
class NettyHealthDetailsTest extends HealthDetailsContract {

    @Override
    protected RuntimeUnderTest runtime() {
        return new NettyRuntime();
    }
}
