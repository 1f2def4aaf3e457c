package dev.hauntedhelpdesk.attachment;

import dev.hauntedhelpdesk.request.JsonBodies;
import dev.hauntedhelpdesk.request.RequestBodies;
import dev.hauntedhelpdesk.security.Callers;
import dev.hauntedhelpdesk.ticket.ETags;
import dev.hauntedhelpdesk.ticket.Ticket;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.time.Instant;
import java.util.Map;

/**
 * A ticket's files: add them (multipart), fetch one, or upload a large one straight to storage
 * through a presigned URL and confirm it. The multipart body is read as a stream and parsed by
 * {@link MultipartForm}, the same code in Netty and Lambda.
 */
@Controller("/api/tickets/{ticketId}/attachments")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class AttachmentController {

    private final AttachmentService attachments;
    private final MultipartForms forms;

    AttachmentController(AttachmentService attachments, MultipartForms forms) {
        this.attachments = attachments;
        this.forms = forms;
    }

    @Post(consumes = MediaType.MULTIPART_FORM_DATA)
    HttpResponse<Ticket> add(@PathVariable String ticketId, HttpRequest<?> request, Authentication authentication) {
        Ticket ticket;
        try (MultipartForm form = forms.read(RequestBodies.stream(request, forms.maxRequestBytes()),
                request.getHeaders().get(HttpHeaders.CONTENT_TYPE))) {
            ticket = attachments.add(ticketId, form, Callers.of(authentication));
        }
        return HttpResponse.ok(ticket).header(HttpHeaders.ETAG, ETags.of(ticket.version()));
    }

    /**
     * With S3, 303 See Other to a presigned GET: the answer to this request is another resource,
     * a one-off signed link that must be neither cached nor kept as the attachment's address
     * (RFC 9110 15.4.4), and every client follows it with a GET. Otherwise the bytes themselves.
     */
    @Get("/{attachmentId}")
    HttpResponse<byte[]> download(@PathVariable String ticketId, @PathVariable String attachmentId,
                                  Authentication authentication) {
        return switch (attachments.download(ticketId, attachmentId, Callers.of(authentication))) {
            case AttachmentService.Link link -> HttpResponse.<byte[]>seeOther(link.url())
                    .header(HttpHeaders.CACHE_CONTROL, DownloadHeaders.CACHE_CONTROL);
            case AttachmentService.Inline inline -> HttpResponse.ok(inline.download().content())
                    .contentType(DownloadHeaders.contentType(inline.download().attachment()))
                    .header(HttpHeaders.CONTENT_DISPOSITION,
                            DownloadHeaders.contentDisposition(inline.download().attachment().fileName()))
                    .header("X-Content-Type-Options", "nosniff")
                    .header(HttpHeaders.CACHE_CONTROL, DownloadHeaders.CACHE_CONTROL);
        };
    }

    @Post(value = "/upload-url", consumes = MediaType.APPLICATION_JSON)
    HttpResponse<UploadUrlResponse> uploadUrl(@PathVariable String ticketId, HttpRequest<?> request,
                                              Authentication authentication) {
        Long size = DirectUploadBodies.size(JsonBodies.object(request));
        AttachmentService.DirectUpload upload = attachments.uploadUrl(ticketId, size, Callers.of(authentication));
        return HttpResponse.created(new UploadUrlResponse(upload.attachmentId(), upload.uploadUrl().toString(),
                upload.method(), Map.of(HttpHeaders.CONTENT_LENGTH, Long.toString(upload.size())),
                upload.expiresAt(), "/api/tickets/" + ticketId + "/attachments/" + upload.attachmentId() + "/confirm"));
    }

    @Post(value = "/{attachmentId}/confirm", consumes = MediaType.APPLICATION_JSON)
    HttpResponse<Ticket> confirm(@PathVariable String ticketId, @PathVariable String attachmentId,
                                 HttpRequest<?> request, Authentication authentication) {
        // The body is optional here: without one the file keeps the name it was stored under.
        byte[] body = JsonBodies.bytes(request);
        String fileName = body.length == 0 ? null : DirectUploadBodies.fileName(JsonBodies.object(body));
        Ticket ticket = attachments.confirm(ticketId, attachmentId, fileName, Callers.of(authentication));
        return HttpResponse.ok(ticket).header(HttpHeaders.ETAG, ETags.of(ticket.version()));
    }

    /** Where to PUT the file, with which headers, until when, and where to confirm it. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    record UploadUrlResponse(String attachmentId, String uploadUrl, String method, Map<String, String> headers,
                             Instant expiresAt, String confirmUrl) {
    }
}
