package dev.hauntedhelpdesk.container;

import dev.hauntedhelpdesk.contract.LlmHealthContract;
import dev.hauntedhelpdesk.contract.RuntimeUnderTest;

/** LLM health on the Bedrock engine over HTTP against the Netty server. */
class NettyLlmHealthTest extends LlmHealthContract {

    @Override
    protected RuntimeUnderTest runtime() {
        return new NettyRuntime();
    }
}
