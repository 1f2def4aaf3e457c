package dev.hauntedhelpdesk.ticket;

import dev.hauntedhelpdesk.problem.InvalidParameterException;
import dev.hauntedhelpdesk.security.Caller;
import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;

/** The ticket use cases, with visibility and role rules applied before anything is stored. */
@Singleton
public class TicketService {

    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private final TicketRepository repository;
    private final Clock clock;
    private final ApplicationEventPublisher<TicketCreated> created;

    TicketService(TicketRepository repository, ApplicationEventPublisher<TicketCreated> created) {
        this.repository = repository;
        this.clock = Clock.systemUTC();
        this.created = created;
    }

    public TicketRepository.Created create(NewTicket command, Caller caller, String idempotencyKey) {
        return create(command, caller, idempotencyKey, List.of(), "");
    }

    /**
     * Opens a ticket that already carries attachments whose bytes are stored, so the ticket and
     * its files appear together or not at all. {@code filesFingerprint} describes the files as the
     * request sent them (names, types, digests), so a retry under the same key with other files
     * is refused rather than replayed; empty when there are none.
     */
    public TicketRepository.Created create(NewTicket command, Caller caller, String idempotencyKey,
                                           List<Attachment> attachments, String filesFingerprint) {
        TicketRepository.IdempotencyClaim claim = null;
        if (idempotencyKey != null) {
            if (!IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
                throw new InvalidParameterException("Idempotency-Key: 1 to 255 visible ASCII characters");
            }
            claim = new TicketRepository.IdempotencyClaim(caller.id(), idempotencyKey,
                    command.fingerprint(filesFingerprint));
        }
        String now = Timestamps.format(clock.instant());
        Ticket ticket = Ticket.open(TicketIds.generate(), command, caller, attachments, now);
        TicketRepository.Created stored = repository.create(ticket, claim);
        if (!stored.replayed()) {
            // Listeners (triage) start work after the ticket exists; a replay started it already.
            created.publishEvent(new TicketCreated(stored.ticket().ticketId()));
        }
        return stored;
    }

    /** The ticket, or 404 when it does not exist or the caller may not see it (no enumeration). */
    public Ticket get(String ticketId, Caller caller) {
        return repository.find(ticketId)
                .filter(t -> t.visibleTo(caller))
                .orElseThrow(() -> new TicketNotFoundException(ticketId));
    }

    /** A page of the tickets the caller may see: support staff all of them, a requester their own. */
    public TicketPage list(TicketQuery query, Caller caller) {
        return repository.list(query.forRequester(caller.isAgent() ? null : caller.id()));
    }

    /**
     * Applies the patch if the ticket meets the precondition. The write is conditional on the
     * version read here, so even {@code If-Match: *} never overwrites a change made in between.
     */
    public Ticket update(String ticketId, TicketPatch patch, IfMatch precondition, Caller caller) {
        Ticket current = get(ticketId, caller);
        if (!precondition.matches(current.version())) {
            throw new VersionMismatchException(ticketId);
        }
        Ticket next = TicketRules.apply(current, patch, caller, clock.instant());
        return repository.update(next, current.version());
    }

    public void delete(String ticketId, Caller caller) {
        get(ticketId, caller);
        if (!caller.isAdmin()) {
            throw new ForbiddenChangeException("Only admins may delete tickets");
        }
        repository.delete(ticketId);
    }
}
