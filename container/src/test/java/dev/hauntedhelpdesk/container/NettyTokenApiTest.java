package dev.hauntedhelpdesk.container;

import dev.hauntedhelpdesk.contract.RuntimeUnderTest;
import dev.hauntedhelpdesk.contract.TokenApiContract;

/** Token checks and JWKS failures over HTTP against the Netty server. */
class NettyTokenApiTest extends TokenApiContract {

    @Override
    protected RuntimeUnderTest runtime() {
        return new NettyRuntime();
    }
}
