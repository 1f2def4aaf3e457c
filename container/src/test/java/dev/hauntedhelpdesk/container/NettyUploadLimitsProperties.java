package dev.hauntedhelpdesk.container;

import dev.hauntedhelpdesk.contract.RuntimeUnderTest;
import dev.hauntedhelpdesk.contract.UploadLimitsProperty;
import dev.hauntedhelpdesk.testing.AttachmentStores;

/** The upload-limits property over HTTP against Netty, files under a temporary UPLOAD_DIR. */
class NettyUploadLimitsProperties extends UploadLimitsProperty {

    @Override
    protected RuntimeUnderTest runtime() {
        return new NettyRuntime();
    }

    @Override
    protected AttachmentStores attachmentStore() {
        return AttachmentStores.filesystem();
    }
}
