package dev.hauntedhelpdesk.triage;

import dev.hauntedhelpdesk.config.HelpdeskSettings;
import dev.hauntedhelpdesk.security.Caller;
import dev.hauntedhelpdesk.ticket.Ticket;
import dev.hauntedhelpdesk.ticket.TicketRepository;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code POST /process} where the run happens elsewhere (the container's worker pool, the Lambda
 * triage function behind the queue): checks as the run in the request would, hands the run over
 * under a run id of its own, and waits for that run's result by reading the ticket, a small
 * consistent GetItem at growing intervals, so no engine is needed where the request is served.
 */
@Singleton
class TriageHandOff {

    static final Duration FIRST_POLL = Duration.ofMillis(50);
    static final Duration LONGEST_POLL = Duration.ofSeconds(1);

    private final TicketRepository tickets;
    private final TriageGate gate;
    private final JsonMapper json;
    private final TriageObserver observer;

    TriageHandOff(TicketRepository tickets, HelpdeskSettings settings, JsonMapper json,
                  Optional<TriageObserver> observer) {
        this.tickets = tickets;
        this.gate = new TriageGate(tickets, Clock.systemUTC(), settings.triage().lease());
        this.json = json;
        this.observer = observer.orElse(TriageObserver.NONE);
    }

    /** A run handed over: its id and the ticket as it stood before it. */
    record HandedOver(String runId, Ticket ticket) {
    }

    /**
     * Checks that the caller may start a run now, then gives it to {@code dispatcher}. Nothing is
     * written here: the worker claims the ticket as for any queued run.
     *
     * @throws TriageNotQueuedException when the dispatcher cannot take the run now
     */
    HandedOver handOver(String ticketId, Caller caller, TriageDispatcher dispatcher) {
        Ticket ticket = gate.startable(ticketId, caller);
        String runId = UUID.randomUUID().toString();
        boolean queued = dispatcher.dispatchRequested(ticketId, runId);
        observer.dispatched("requested", queued);
        if (!queued) {
            throw new TriageNotQueuedException(ticketId);
        }
        return new HandedOver(runId, ticket);
    }

    /**
     * The run's result once it has recorded it, or empty when it has not within {@code wait} (or
     * the waiting thread is interrupted, as when the server stops: the run goes on regardless).
     */
    Optional<WorkflowResult> await(HandedOver run, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        Duration pause = FIRST_POLL;
        while (!wait.isZero()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            try {
                Thread.sleep(Math.min(pause.toMillis(), Math.max(1, left / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            Optional<String> recorded = tickets.recordedTriageResult(run.ticket().ticketId(), run.runId());
            if (recorded.isPresent()) {
                return Optional.of(read(recorded.get()));
            }
            pause = pause.multipliedBy(2).compareTo(LONGEST_POLL) > 0 ? LONGEST_POLL : pause.multipliedBy(2);
        }
        return Optional.empty();
    }

    private WorkflowResult read(String recorded) {
        try {
            return json.readValue(recorded, WorkflowResult.class);
        } catch (IOException e) {
            throw new UncheckedIOException("A recorded triage result could not be read", e);
        }
    }
}
