package dev.hauntedhelpdesk.lambda;

import dev.hauntedhelpdesk.contract.AttachmentUploadProperty;
import dev.hauntedhelpdesk.contract.RuntimeUnderTest;
import dev.hauntedhelpdesk.testing.AttachmentStores;

/** The upload property as API Gateway v2 events into the Lambda handler, files on moto's S3. */
class LambdaAttachmentUploadProperties extends AttachmentUploadProperty {

    @Override
    protected RuntimeUnderTest runtime() {
        return LambdaRuntime.v2();
    }

    @Override
    protected AttachmentStores attachmentStore() {
        return AttachmentStores.s3();
    }
}
