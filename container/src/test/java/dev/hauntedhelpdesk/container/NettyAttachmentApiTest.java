package dev.hauntedhelpdesk.container;

import dev.hauntedhelpdesk.contract.ApiRequest;
import dev.hauntedhelpdesk.contract.AttachmentApiContract;
import dev.hauntedhelpdesk.contract.RuntimeUnderTest;
import dev.hauntedhelpdesk.testing.AttachmentStores;
import org.junit.jupiter.api.Test;

import static dev.hauntedhelpdesk.contract.TicketApiContract.assertProblem;

/** The attachments contract over HTTP against Netty, with files under UPLOAD_DIR (the container default). */
class NettyAttachmentApiTest extends AttachmentApiContract {

    @Override
    protected RuntimeUnderTest runtime() {
        return new NettyRuntime();
    }

    @Override
    protected AttachmentStores attachmentStore() {
        return AttachmentStores.filesystem();
    }

    @Test
    void uploadUrl_returns501_whenFilesAreKeptOnTheFilesystem() {
        String id = createTicket("alice");
        assertProblem(api.as("alice", ApiRequest.of("POST", "/api/tickets/" + id + "/attachments/upload-url")
                .json("{\"size\":10}")), 501, "direct-upload-unavailable");
    }
}
