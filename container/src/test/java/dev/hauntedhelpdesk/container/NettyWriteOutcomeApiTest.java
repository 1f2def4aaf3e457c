package dev.hauntedhelpdesk.container;

import dev.hauntedhelpdesk.contract.RuntimeUnderTest;
import dev.hauntedhelpdesk.contract.WriteOutcomeApiContract;

/** Lost and late DynamoDB answers, over HTTP against the Netty server. */
class NettyWriteOutcomeApiTest extends WriteOutcomeApiContract {

    @Override
    protected RuntimeUnderTest runtime() {
        return new NettyRuntime();
    }
}
