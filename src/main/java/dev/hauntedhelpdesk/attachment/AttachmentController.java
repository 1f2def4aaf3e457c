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
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.time.Instant;
import java.util.Map;

/**
 * A ticket's files: add them (multipart), fetch one, or upload a large one straight to storage
 * through a presigned URL and confirm it. The multipart body is read as a stream and parsed by
 * {@link MultipartForm}, the same code in Netty and Lambda.
 */
@Tag(name = "attachments")
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

    @Operation(summary = "Add files to a ticket", operationId = "addAttachments")
    @RequestBody(required = true, content = @Content(mediaType = "multipart/form-data",
            schema = @Schema(ref = "#/components/schemas/FilesForm")))
    @ApiResponse(responseCode = "200", description = "The ticket with the files appended and its new ETag",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "#/components/schemas/Ticket")))
    @ApiResponse(responseCode = "400", ref = "#/components/responses/BadRequest")
    @ApiResponse(responseCode = "401", ref = "#/components/responses/Unauthorized")
    @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    @ApiResponse(responseCode = "413", ref = "#/components/responses/PayloadTooLarge")
    @ApiResponse(responseCode = "415", ref = "#/components/responses/UnsupportedMediaType")
    @ApiResponse(responseCode = "422", ref = "#/components/responses/ValidationFailed")
    @ApiResponse(responseCode = "500", ref = "#/components/responses/InternalError")
    @ApiResponse(responseCode = "503", ref = "#/components/responses/ServiceUnavailable")
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
    @Operation(summary = "Download a file: the bytes, or 303 to a presigned S3 GET", operationId = "download")
    @ApiResponse(responseCode = "200", description = "The file's bytes, with the type read from them")
    @ApiResponse(responseCode = "303", description = "See Other: a presigned S3 GET valid 5 minutes")
    @ApiResponse(responseCode = "401", ref = "#/components/responses/Unauthorized")
    @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    @ApiResponse(responseCode = "500", ref = "#/components/responses/InternalError")
    @ApiResponse(responseCode = "503", ref = "#/components/responses/ServiceUnavailable")
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

    @Operation(summary = "Presign a direct upload to S3", operationId = "uploadUrl")
    @RequestBody(required = true, content = @Content(mediaType = "application/json",
            schema = @Schema(ref = "#/components/schemas/UploadUrlRequest")))
    @ApiResponse(responseCode = "201", description = "Where to PUT the file and where to confirm it",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "#/components/schemas/UploadUrl")))
    @ApiResponse(responseCode = "400", ref = "#/components/responses/BadRequest")
    @ApiResponse(responseCode = "401", ref = "#/components/responses/Unauthorized")
    @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    @ApiResponse(responseCode = "413", ref = "#/components/responses/PayloadTooLarge")
    @ApiResponse(responseCode = "415", ref = "#/components/responses/UnsupportedMediaType")
    @ApiResponse(responseCode = "422", ref = "#/components/responses/ValidationFailed")
    @ApiResponse(responseCode = "500", ref = "#/components/responses/InternalError")
    @ApiResponse(responseCode = "501", ref = "#/components/responses/NotImplemented")
    @ApiResponse(responseCode = "503", ref = "#/components/responses/ServiceUnavailable")
    @Post(value = "/upload-url", consumes = MediaType.APPLICATION_JSON)
    HttpResponse<UploadUrlResponse> uploadUrl(@PathVariable String ticketId, HttpRequest<?> request,
                                              Authentication authentication) {
        Long size = DirectUploadBodies.size(JsonBodies.object(request));
        AttachmentService.DirectUpload upload = attachments.uploadUrl(ticketId, size, Callers.of(authentication));
        return HttpResponse.created(new UploadUrlResponse(upload.attachmentId(), upload.uploadUrl().toString(),
                upload.method(), Map.of(HttpHeaders.CONTENT_LENGTH, Long.toString(upload.size())),
                upload.expiresAt(), "/api/tickets/" + ticketId + "/attachments/" + upload.attachmentId() + "/confirm"));
    }

    @Operation(summary = "Confirm a direct upload once its bytes are in the bucket", operationId = "confirmUpload")
    @RequestBody(required = false, content = @Content(mediaType = "application/json",
            schema = @Schema(ref = "#/components/schemas/ConfirmRequest")))
    @ApiResponse(responseCode = "200", description = "The ticket with the uploaded file and its new ETag",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "#/components/schemas/Ticket")))
    @ApiResponse(responseCode = "400", ref = "#/components/responses/BadRequest")
    @ApiResponse(responseCode = "401", ref = "#/components/responses/Unauthorized")
    @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    @ApiResponse(responseCode = "413", ref = "#/components/responses/PayloadTooLarge")
    @ApiResponse(responseCode = "415", ref = "#/components/responses/UnsupportedMediaType")
    @ApiResponse(responseCode = "422", ref = "#/components/responses/ValidationFailed")
    @ApiResponse(responseCode = "500", ref = "#/components/responses/InternalError")
    @ApiResponse(responseCode = "503", ref = "#/components/responses/ServiceUnavailable")
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
