package dev.hauntedhelpdesk.lambda;

import dev.hauntedhelpdesk.contract.AttachmentApiContract;
import dev.hauntedhelpdesk.contract.RuntimeUnderTest;
import dev.hauntedhelpdesk.testing.AttachmentStores;

/** The attachments contract as base64 multipart in API Gateway REST (payload v1) events, files on moto's S3. */
class LambdaV1AttachmentApiTest extends AttachmentApiContract {

    @Override
    protected RuntimeUnderTest runtime() {
        return LambdaRuntime.v1();
    }

    @Override
    protected AttachmentStores attachmentStore() {
        return AttachmentStores.s3();
    }
}
