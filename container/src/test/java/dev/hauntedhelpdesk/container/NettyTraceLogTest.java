package dev.hauntedhelpdesk.container;

import dev.hauntedhelpdesk.contract.RuntimeUnderTest;
import dev.hauntedhelpdesk.contract.TraceLogContract;

/** Trace ids on log lines, over HTTP against the Netty server. */
class NettyTraceLogTest extends TraceLogContract {

    @Override
    protected RuntimeUnderTest runtime() {
        return new NettyRuntime();
    }

    @Override
    protected boolean gatewayAddsTrace() {
        return false;
    }
}
