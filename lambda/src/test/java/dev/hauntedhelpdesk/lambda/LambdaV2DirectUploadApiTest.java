package dev.hauntedhelpdesk.lambda;

import dev.hauntedhelpdesk.contract.DirectUploadApiContract;
import dev.hauntedhelpdesk.contract.RuntimeUnderTest;

/** Presigned S3 uploads (moto) as API Gateway HTTP API (payload v2) events into the Lambda handler. */
class LambdaV2DirectUploadApiTest extends DirectUploadApiContract {

    @Override
    protected RuntimeUnderTest runtime() {
        return LambdaRuntime.v2();
    }
}
