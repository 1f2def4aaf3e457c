package dev.hauntedhelpdesk.container;

import dev.hauntedhelpdesk.contract.DirectUploadApiContract;
import dev.hauntedhelpdesk.contract.RuntimeUnderTest;

/** Presigned S3 uploads (moto) over HTTP against Netty. */
class NettyDirectUploadApiTest extends DirectUploadApiContract {

    @Override
    protected RuntimeUnderTest runtime() {
        return new NettyRuntime();
    }
}
