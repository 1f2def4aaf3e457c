package dev.hauntedhelpdesk.lambda;

import dev.hauntedhelpdesk.contract.RuntimeUnderTest;
import dev.hauntedhelpdesk.contract.UploadLimitsApiContract;
import dev.hauntedhelpdesk.testing.AttachmentStores;

import java.util.Optional;

/**
 * The upload limits through a REST API (payload v1), files on moto's S3: a body whose event is
 * over Lambda's 6 MB gets the gateway's {@code 413 {"message":"Request Too Long"}}.
 */
class LambdaV1UploadLimitsApiTest extends UploadLimitsApiContract {

    @Override
    protected RuntimeUnderTest runtime() {
        return LambdaRuntime.v1();
    }

    @Override
    protected AttachmentStores attachmentStore() {
        return AttachmentStores.s3();
    }

    @Override
    protected Optional<GatewayRefusal> refusedByTheGateway(long bodyBytes) {
        return LambdaLimits.bodyTooLarge(bodyBytes) ? Optional.of(new GatewayRefusal(413, "Request Too Long"))
                : Optional.empty();
    }
}
