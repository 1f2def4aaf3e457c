package dev.hauntedhelpdesk.container;

import dev.hauntedhelpdesk.contract.AttachmentUploadProperty;
import dev.hauntedhelpdesk.contract.RuntimeUnderTest;
import dev.hauntedhelpdesk.testing.AttachmentStores;

/** The upload property over HTTP against Netty, files under a temporary UPLOAD_DIR. */
class NettyAttachmentUploadProperties extends AttachmentUploadProperty {

    @Override
    protected RuntimeUnderTest runtime() {
        return new NettyRuntime();
    }

    @Override
    protected AttachmentStores attachmentStore() {
        return AttachmentStores.filesystem();
    }
}
