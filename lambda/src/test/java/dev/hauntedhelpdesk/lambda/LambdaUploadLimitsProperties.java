package dev.hauntedhelpdesk.lambda;

import dev.hauntedhelpdesk.contract.RuntimeUnderTest;
import dev.hauntedhelpdesk.contract.UploadLimitsApiContract;
import dev.hauntedhelpdesk.contract.UploadLimitsProperty;
import dev.hauntedhelpdesk.testing.AttachmentStores;

import java.util.Optional;

/**
 * The upload-limits property as API Gateway v2 events into the Lambda handler, files on moto's
 * S3; bodies too large for an event get the gateway's own 413.
 */
class LambdaUploadLimitsProperties extends UploadLimitsProperty {

    @Override
    protected RuntimeUnderTest runtime() {
        return LambdaRuntime.v2();
    }

    @Override
    protected AttachmentStores attachmentStore() {
        return AttachmentStores.s3();
    }

    @Override
    protected Optional<UploadLimitsApiContract.GatewayRefusal> refusedByTheGateway(long bodyBytes) {
        return LambdaLimits.bodyTooLarge(bodyBytes)
                ? Optional.of(new UploadLimitsApiContract.GatewayRefusal(413, "Request Entity Too Large"))
                : Optional.empty();
    }
}
