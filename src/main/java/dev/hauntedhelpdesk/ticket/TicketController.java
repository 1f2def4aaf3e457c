package dev.hauntedhelpdesk.ticket;

import dev.hauntedhelpdesk.problem.IfMatchRequiredException;
import dev.hauntedhelpdesk.request.JsonBodies;
import dev.hauntedhelpdesk.security.Callers;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
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
 * Maps the tickets API onto {@link TicketService}; DynamoDB calls block, so off the event loop.
 * JSON bodies arrive as bytes and are read strictly by {@link JsonBodies}.
 */
@Tag(name = "tickets")
@Controller("/api/tickets")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class TicketController {

    private final TicketService tickets;

    TicketController(TicketService tickets) {
        this.tickets = tickets;
    }

    @Operation(summary = "Open a ticket; with Idempotency-Key a retry returns the same ticket", operationId = "create")
    @RequestBody(required = true, content = @Content(mediaType = "application/json",
            schema = @Schema(ref = "#/components/schemas/NewTicket")))
    @ApiResponse(responseCode = "201",
            description = "The new ticket, with Location and ETag (Idempotent-Replayed: true on a replay)",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "#/components/schemas/Ticket")))
    @ApiResponse(responseCode = "400", ref = "#/components/responses/BadRequest")
    @ApiResponse(responseCode = "401", ref = "#/components/responses/Unauthorized")
    @ApiResponse(responseCode = "413", ref = "#/components/responses/PayloadTooLarge")
    @ApiResponse(responseCode = "415", ref = "#/components/responses/UnsupportedMediaType")
    @ApiResponse(responseCode = "422", ref = "#/components/responses/ValidationFailed")
    @ApiResponse(responseCode = "500", ref = "#/components/responses/InternalError")
    @ApiResponse(responseCode = "503", ref = "#/components/responses/ServiceUnavailable")
    @Post(consumes = MediaType.APPLICATION_JSON)
    HttpResponse<Ticket> create(HttpRequest<?> request,
                                @Nullable @Header("Idempotency-Key") String idempotencyKey,
                                Authentication authentication) {
        NewTicket command = NewTicket.fromJson(JsonBodies.object(request));
        TicketRepository.Created created = tickets.create(command, Callers.of(authentication), idempotencyKey);
        Ticket ticket = created.ticket();
        return HttpResponse.<Ticket>created(ticket, URI.create("/api/tickets/" + ticket.ticketId()))
                .header("ETag", etag(ticket))
                .header("Idempotent-Replayed", Boolean.toString(created.replayed()));
    }

    @Operation(summary = "List tickets, newest first: a requester sees their own, agents and admins all",
            operationId = "list")
    @ApiResponse(responseCode = "200", description = "A page; follow next_cursor until it is null",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "#/components/schemas/TicketPage")))
    @ApiResponse(responseCode = "400", ref = "#/components/responses/BadRequest")
    @ApiResponse(responseCode = "401", ref = "#/components/responses/Unauthorized")
    @ApiResponse(responseCode = "500", ref = "#/components/responses/InternalError")
    @ApiResponse(responseCode = "503", ref = "#/components/responses/ServiceUnavailable")
    @Get
    TicketPage list(@Nullable @QueryValue String status, @Nullable @QueryValue String limit,
                    @Nullable @QueryValue String cursor, Authentication authentication) {
        return tickets.list(TicketQuery.of(status, limit, cursor), Callers.of(authentication));
    }

    @Operation(summary = "Get a ticket and its ETag", operationId = "get")
    @ApiResponse(responseCode = "200", description = "The ticket",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "#/components/schemas/Ticket")))
    @ApiResponse(responseCode = "401", ref = "#/components/responses/Unauthorized")
    @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    @ApiResponse(responseCode = "500", ref = "#/components/responses/InternalError")
    @ApiResponse(responseCode = "503", ref = "#/components/responses/ServiceUnavailable")
    @Get("/{ticketId}")
    HttpResponse<Ticket> get(@PathVariable String ticketId, Authentication authentication) {
        Ticket ticket = tickets.get(ticketId, Callers.of(authentication));
        return HttpResponse.ok(ticket).header("ETag", etag(ticket));
    }

    @Operation(summary = "Change a ticket; If-Match must match its version", operationId = "update")
    @RequestBody(required = true, content = @Content(mediaType = "application/json",
            schema = @Schema(ref = "#/components/schemas/TicketPatch")))
    @ApiResponse(responseCode = "200", description = "The changed ticket and its new ETag",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "#/components/schemas/Ticket")))
    @ApiResponse(responseCode = "400", ref = "#/components/responses/BadRequest")
    @ApiResponse(responseCode = "401", ref = "#/components/responses/Unauthorized")
    @ApiResponse(responseCode = "403", ref = "#/components/responses/Forbidden")
    @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    @ApiResponse(responseCode = "412", ref = "#/components/responses/PreconditionFailed")
    @ApiResponse(responseCode = "413", ref = "#/components/responses/PayloadTooLarge")
    @ApiResponse(responseCode = "415", ref = "#/components/responses/UnsupportedMediaType")
    @ApiResponse(responseCode = "422", ref = "#/components/responses/ValidationFailed")
    @ApiResponse(responseCode = "428", ref = "#/components/responses/PreconditionRequired")
    @ApiResponse(responseCode = "500", ref = "#/components/responses/InternalError")
    @ApiResponse(responseCode = "503", ref = "#/components/responses/ServiceUnavailable")
    @Patch(value = "/{ticketId}", consumes = MediaType.APPLICATION_JSON)
    HttpResponse<Ticket> update(@PathVariable String ticketId, HttpRequest<?> request,
                                @Nullable @Header("If-Match") String ifMatch, Authentication authentication) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new IfMatchRequiredException();
        }
        IfMatch precondition = IfMatch.parse(ifMatch);
        TicketPatch patch = TicketPatch.of(JsonBodies.object(request));
        Ticket ticket = tickets.update(ticketId, patch, precondition, Callers.of(authentication));
        return HttpResponse.ok(ticket).header("ETag", etag(ticket));
    }

    @Operation(summary = "Delete a ticket (admins)", operationId = "delete")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "401", ref = "#/components/responses/Unauthorized")
    @ApiResponse(responseCode = "403", ref = "#/components/responses/Forbidden")
    @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    @ApiResponse(responseCode = "500", ref = "#/components/responses/InternalError")
    @ApiResponse(responseCode = "503", ref = "#/components/responses/ServiceUnavailable")
    @Delete("/{ticketId}")
    HttpResponse<Void> delete(@PathVariable String ticketId, Authentication authentication) {
        tickets.delete(ticketId, Callers.of(authentication));
        return HttpResponse.noContent();
    }

    private static String etag(Ticket ticket) {
        return ETags.of(ticket.version());
    }
}
