package dev.hauntedhelpdesk.triage;

import dev.hauntedhelpdesk.security.Callers;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;

/** Runs the triage team on a ticket and waits for it (bounded by {@code EXECUTION_TIMEOUT}). */
@Controller("/api/tickets/{ticketId}/process")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class TriageController {

    private final TriageService triage;

    TriageController(TriageService triage) {
        this.triage = triage;
    }

    @Post
    ProcessResponse process(@PathVariable String ticketId, Authentication authentication) {
        return new ProcessResponse(ticketId, triage.process(ticketId, Callers.of(authentication)));
    }
}
