package dev.hauntedhelpdesk.container;

import dev.hauntedhelpdesk.contract.HttpSemanticsApiContract;
import dev.hauntedhelpdesk.contract.RuntimeUnderTest;

/** HTTP at its edges over a real socket against the Netty server. */
class NettyHttpSemanticsApiTest extends HttpSemanticsApiContract {

    @Override
    protected RuntimeUnderTest runtime() {
        return new NettyRuntime();
    }
}
