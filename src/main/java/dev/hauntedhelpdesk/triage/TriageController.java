package dev.hauntedhelpdesk.triage;

import dev.hauntedhelpdesk.config.HelpdeskSettings;
import dev.hauntedhelpdesk.security.Callers;
import io.micronaut.context.BeanProvider;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
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

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs the triage team on a ticket. Where the runtime has a dispatcher (the container's worker
 * pool, the Lambda triage queue) the run goes there and the request waits for its result, at most
 * {@code TRIAGE_MAX_WAIT}, less with RFC 7240 {@code Prefer: wait=N}, not at all with
 * {@code Prefer: respond-async}; a run that outlasts the wait is answered 202 with the ticket's
 * {@code Location} to poll, which is what fits a front door that gives up after 30 s. Without a
 * dispatcher the run happens in the request (bounded by {@code EXECUTION_TIMEOUT}) and both
 * preferences are ignored, as RFC 7240 allows.
 */
@Tag(name = "triage")
@Controller("/api/tickets/{ticketId}/process")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class TriageController {

    static final String RESPOND_ASYNC = "respond-async";
    static final String PREFERENCE_APPLIED = "Preference-Applied";

    private final BeanProvider<TriageService> triage;
    private final TriageHandOff handOff;
    private final BeanProvider<TriageDispatcher> dispatcher;
    private final Duration maxWait;

    TriageController(BeanProvider<TriageService> triage, TriageHandOff handOff,
                     BeanProvider<TriageDispatcher> dispatcher, HelpdeskSettings settings) {
        this.triage = triage;
        this.handOff = handOff;
        this.dispatcher = dispatcher;
        this.maxWait = settings.triage().maxWait();
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
        if (!dispatcher.isPresent()) {
            return HttpResponse.ok(new ProcessResponse(ticketId, triage.get().process(ticketId,
                    Callers.of(authentication)))).header(HttpHeaders.VARY, "Prefer");
        }
        Preferences preferences = Preferences.parse(prefer);
        Duration wait = preferences.respondAsync() ? Duration.ZERO
                : preferences.waitFor().filter(w -> w.compareTo(maxWait) < 0).orElse(maxWait);
        TriageHandOff.HandedOver run = handOff.handOver(ticketId, Callers.of(authentication), dispatcher.get());
        Optional<WorkflowResult> result = handOff.await(run, wait);
        if (result.isPresent()) {
            return HttpResponse.ok(new ProcessResponse(ticketId, result.get())).header(HttpHeaders.VARY, "Prefer");
        }
        MutableHttpResponse<?> accepted = HttpResponse.status(HttpStatus.ACCEPTED)
                .header(HttpHeaders.LOCATION, "/api/tickets/" + run.ticket().ticketId())
                .header(HttpHeaders.VARY, "Prefer")
                .body(run.ticket());
        List<String> applied = new ArrayList<>();
        if (preferences.respondAsync()) {
            applied.add(RESPOND_ASYNC);
        } else if (preferences.waitFor().isPresent()) {
            applied.add("wait=" + wait.toSeconds());
        }
        return applied.isEmpty() ? accepted : accepted.header(PREFERENCE_APPLIED, String.join(", ", applied));
    }
}
