package dev.hauntedhelpdesk.lambda;

import dev.hauntedhelpdesk.contract.AttachmentApiContract;
import dev.hauntedhelpdesk.contract.RuntimeUnderTest;
import dev.hauntedhelpdesk.testing.AttachmentStores;

/** The attachments contract as base64 multipart in API Gateway HTTP API (payload v2) events, files on moto's S3. */
class LambdaV2AttachmentApiTest extends AttachmentApiContract {

    @Override
    protected RuntimeUnderTest runtime() {
        return LambdaRuntime.v2();
    }

    @Override
    protected AttachmentStores attachmentStore() {
        return AttachmentStores.s3();
    }
}
