package dev.hauntedhelpdesk.triage;

import dev.hauntedhelpdesk.security.Callers;
import dev.hauntedhelpdesk.ticket.Ticket;
import io.micronaut.context.BeanProvider;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.Arrays;
import java.util.Locale;

/**
 * Runs the triage team on a ticket. By default the request waits for the run (bounded by
 * {@code EXECUTION_TIMEOUT}); with {@code Prefer: respond-async} (RFC 7240) the run goes to the
 * runtime's dispatcher and the answer is 202 with the ticket's {@code Location} to poll, which is
 * what fits a front door that gives up after 30 s. Without a dispatcher the preference is
 * ignored, as RFC 7240 allows, and the run happens in the request.
 */
@Tag(name = "triage")
@Controller("/api/tickets/{ticketId}/process")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class TriageController {

    static final String RESPOND_ASYNC = "respond-async";

    private final TriageService triage;
    private final BeanProvider<TriageDispatcher> dispatcher;

    TriageController(TriageService triage, BeanProvider<TriageDispatcher> dispatcher) {
        this.triage = triage;
        this.dispatcher = dispatcher;
    }

    @Operation(summary = "Run the triage team on a ticket; Prefer: respond-async queues it", operationId = "process")
    @ApiResponse(responseCode = "200", description = "The run's result",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "#/components/schemas/ProcessResponse")))
    @ApiResponse(responseCode = "202", description = "Queued: the ticket as it stands, Location to poll",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "#/components/schemas/Ticket")))
    @ApiResponse(responseCode = "401", ref = "#/components/responses/Unauthorized")
    @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    @ApiResponse(responseCode = "500", ref = "#/components/responses/InternalError")
    @ApiResponse(responseCode = "503", ref = "#/components/responses/ServiceUnavailable")
    @Post
    HttpResponse<?> process(@PathVariable String ticketId, @Header("Prefer") @Nullable String prefer,
                            Authentication authentication) {
        if (prefersAsync(prefer) && dispatcher.isPresent()) {
            Ticket ticket = triage.queue(ticketId, Callers.of(authentication), dispatcher.get());
            return HttpResponse.status(HttpStatus.ACCEPTED)
                    .header(HttpHeaders.LOCATION, "/api/tickets/" + ticket.ticketId())
                    .header("Preference-Applied", RESPOND_ASYNC)
                    .header(HttpHeaders.VARY, "Prefer")
                    .body(ticket);
        }
        return HttpResponse.ok(new ProcessResponse(ticketId, triage.process(ticketId, Callers.of(authentication))))
                .header(HttpHeaders.VARY, "Prefer");
    }

    /** RFC 7240: comma-separated preferences, names case-insensitive, parameters after ';' or '='. */
    static boolean prefersAsync(String prefer) {
        return prefer != null && Arrays.stream(prefer.split(","))
                .map(p -> p.split("[;=]", 2)[0].trim().toLowerCase(Locale.ROOT))
                .anyMatch(RESPOND_ASYNC::equals);
    }
}
