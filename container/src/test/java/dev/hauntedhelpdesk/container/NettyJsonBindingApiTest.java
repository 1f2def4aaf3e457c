package dev.hauntedhelpdesk.container;

import dev.hauntedhelpdesk.contract.JsonBindingApiContract;
import dev.hauntedhelpdesk.contract.RuntimeUnderTest;

/** Strict JSON bodies over HTTP against the Netty server. */
class NettyJsonBindingApiTest extends JsonBindingApiContract {

    @Override
    protected RuntimeUnderTest runtime() {
        return new NettyRuntime();
    }
}
