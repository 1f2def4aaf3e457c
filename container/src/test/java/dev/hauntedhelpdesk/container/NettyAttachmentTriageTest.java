package dev.hauntedhelpdesk.container;

import dev.hauntedhelpdesk.contract.AttachmentTriageContract;
import dev.hauntedhelpdesk.contract.RuntimeUnderTest;

/** Screenshots reaching the Bedrock engine, over HTTP against Netty. */
class NettyAttachmentTriageTest extends AttachmentTriageContract {

    @Override
    protected RuntimeUnderTest runtime() {
        return new NettyRuntime();
    }
}
