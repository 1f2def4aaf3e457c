package dev.hauntedhelpdesk.attachment;

import dev.hauntedhelpdesk.request.RequestBodies;
import dev.hauntedhelpdesk.security.Callers;
import dev.hauntedhelpdesk.ticket.ETags;
import dev.hauntedhelpdesk.ticket.Ticket;
import dev.hauntedhelpdesk.ticket.TicketRepository;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.net.URI;

/**
 * The original service's form endpoint: {@code title, description, severity, category, files[]}
 * as multipart/form-data, answered like {@code POST /api/tickets}.
 */
@Tag(name = "tickets")
@Controller("/api/submit-ticket")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class SubmitTicketController {

    private final AttachmentService attachments;
    private final MultipartForms forms;

    SubmitTicketController(AttachmentService attachments, MultipartForms forms) {
        this.attachments = attachments;
        this.forms = forms;
    }

    @Operation(summary = "Open a ticket from a form with files", operationId = "submit")
    @RequestBody(required = true, content = @Content(mediaType = "multipart/form-data",
            schema = @Schema(ref = "#/components/schemas/NewTicketForm")))
    @ApiResponse(responseCode = "201", description = "The new ticket with its attachments, Location and ETag",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "#/components/schemas/Ticket")))
    @ApiResponse(responseCode = "400", ref = "#/components/responses/BadRequest")
    @ApiResponse(responseCode = "401", ref = "#/components/responses/Unauthorized")
    @ApiResponse(responseCode = "413", ref = "#/components/responses/PayloadTooLarge")
    @ApiResponse(responseCode = "415", ref = "#/components/responses/UnsupportedMediaType")
    @ApiResponse(responseCode = "422", ref = "#/components/responses/ValidationFailed")
    @ApiResponse(responseCode = "500", ref = "#/components/responses/InternalError")
    @ApiResponse(responseCode = "503", ref = "#/components/responses/ServiceUnavailable")
    @Post(consumes = MediaType.MULTIPART_FORM_DATA)
    HttpResponse<Ticket> submit(HttpRequest<?> request, @Nullable @Header("Idempotency-Key") String idempotencyKey,
                                Authentication authentication) {
        TicketRepository.Created created;
        try (MultipartForm form = forms.read(RequestBodies.stream(request, forms.maxRequestBytes()),
                request.getHeaders().get(HttpHeaders.CONTENT_TYPE))) {
            created = attachments.submit(form, Callers.of(authentication), idempotencyKey);
        }
        Ticket ticket = created.ticket();
        return HttpResponse.<Ticket>created(ticket, URI.create("/api/tickets/" + ticket.ticketId()))
                .header(HttpHeaders.ETAG, ETags.of(ticket.version()))
                .header("Idempotent-Replayed", Boolean.toString(created.replayed()));
    }
}
