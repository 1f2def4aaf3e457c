package dev.hauntedhelpdesk.lambda;

import dev.hauntedhelpdesk.contract.RuntimeUnderTest;
import dev.hauntedhelpdesk.contract.UploadLimitsApiContract;
import dev.hauntedhelpdesk.testing.AttachmentStores;

import java.util.Optional;

/**
 * The upload limits through the template's HTTP API (payload v2), files on moto's S3: a body
 * whose event is over Lambda's 6 MB gets the gateway's
 * {@code 413 {"message":"Request Entity Too Large"}}.
 */
class LambdaV2UploadLimitsApiTest extends UploadLimitsApiContract {

    @Override
    protected RuntimeUnderTest runtime() {
        return LambdaRuntime.v2();
    }

    @Override
    protected AttachmentStores attachmentStore() {
        return AttachmentStores.s3();
    }

    @Override
    protected Optional<GatewayRefusal> refusedByTheGateway(long bodyBytes) {
        return LambdaLimits.bodyTooLarge(bodyBytes) ? Optional.of(new GatewayRefusal(413, "Request Entity Too Large"))
                : Optional.empty();
    }
}
