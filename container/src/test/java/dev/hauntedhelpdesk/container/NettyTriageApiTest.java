package dev.hauntedhelpdesk.container;

import dev.hauntedhelpdesk.contract.RuntimeUnderTest;
import dev.hauntedhelpdesk.contract.TriageApiContract;

/** The triage API contract over HTTP against the Netty server. */
class NettyTriageApiTest extends TriageApiContract {

    @Override
    protected RuntimeUnderTest runtime() {
        return new NettyRuntime();
    }
}
