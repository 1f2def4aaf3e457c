package dev.hauntedhelpdesk.lambda;

import dev.hauntedhelpdesk.contract.DirectUploadApiContract;
import dev.hauntedhelpdesk.contract.RuntimeUnderTest;

/** Presigned S3 uploads (moto) as API Gateway REST (payload v1) events into the Lambda handler. */
class LambdaV1DirectUploadApiTest extends DirectUploadApiContract {

    @Override
    protected RuntimeUnderTest runtime() {
        return LambdaRuntime.v1();
    }
}
