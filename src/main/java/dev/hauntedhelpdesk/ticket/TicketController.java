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

import java.net.URI;

/**
 * Maps the tickets API onto {@link TicketService}; DynamoDB calls block, so off the event loop.
 * JSON bodies arrive as bytes and are read strictly by {@link JsonBodies}.
 */
@Controller("/api/tickets")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class TicketController {

    private final TicketService tickets;

    TicketController(TicketService tickets) {
        this.tickets = tickets;
    }

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

    @Get
    TicketPage list(@Nullable @QueryValue String status, @Nullable @QueryValue String limit,
                    @Nullable @QueryValue String cursor, Authentication authentication) {
        return tickets.list(TicketQuery.of(status, limit, cursor), Callers.of(authentication));
    }

    @Get("/{ticketId}")
    HttpResponse<Ticket> get(@PathVariable String ticketId, Authentication authentication) {
        Ticket ticket = tickets.get(ticketId, Callers.of(authentication));
        return HttpResponse.ok(ticket).header("ETag", etag(ticket));
    }

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

    @Delete("/{ticketId}")
    HttpResponse<Void> delete(@PathVariable String ticketId, Authentication authentication) {
        tickets.delete(ticketId, Callers.of(authentication));
        return HttpResponse.noContent();
    }

    private static String etag(Ticket ticket) {
        return ETags.of(ticket.version());
    }
}
