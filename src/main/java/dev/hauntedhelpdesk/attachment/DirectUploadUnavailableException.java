package dev.hauntedhelpdesk.attachment;

import dev.hauntedhelpdesk.problem.ProblemException;
import dev.hauntedhelpdesk.problem.ProblemType;

/** Upload URLs need S3 storage; with the filesystem store files go through the multipart endpoints. */
final class DirectUploadUnavailableException extends ProblemException {

    DirectUploadUnavailableException() {
        super(ProblemType.DIRECT_UPLOAD_UNAVAILABLE, "Upload URLs are available only with ATTACHMENT_STORE=s3; "
                + "send the file to POST /api/tickets/{ticket_id}/attachments as multipart/form-data");
    }
}
