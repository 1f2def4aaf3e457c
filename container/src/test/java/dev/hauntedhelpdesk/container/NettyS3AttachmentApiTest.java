package dev.hauntedhelpdesk.container;

import dev.hauntedhelpdesk.contract.AttachmentApiContract;
import dev.hauntedhelpdesk.contract.RuntimeUnderTest;
import dev.hauntedhelpdesk.testing.AttachmentStores;

/**
 * The attachments contract over HTTP against Netty with files on moto's S3, the store the ECS
 * stack deploys (container/template.yaml sets ATTACHMENT_STORE=s3, since two tasks share no disk).
 */
class NettyS3AttachmentApiTest extends AttachmentApiContract {

    @Override
    protected RuntimeUnderTest runtime() {
        return new NettyRuntime();
    }

    @Override
    protected AttachmentStores attachmentStore() {
        return AttachmentStores.s3();
    }
}
