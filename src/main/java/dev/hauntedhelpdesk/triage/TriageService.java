package dev.hauntedhelpdesk.triage;

import dev.hauntedhelpdesk.attachment.AttachmentImages;
import dev.hauntedhelpdesk.security.Caller;
import dev.hauntedhelpdesk.ticket.InvalidTransitionException;
import dev.hauntedhelpdesk.ticket.PageCursor;
import dev.hauntedhelpdesk.ticket.Ticket;
import dev.hauntedhelpdesk.ticket.TicketNotFoundException;
import dev.hauntedhelpdesk.ticket.TicketPage;
import dev.hauntedhelpdesk.ticket.TicketQuery;
import dev.hauntedhelpdesk.ticket.TicketRepository;
import dev.hauntedhelpdesk.ticket.TicketStatus;
import dev.hauntedhelpdesk.ticket.Timestamps;
import dev.hauntedhelpdesk.ticket.VersionMismatchException;
import dev.hauntedhelpdesk.ticket.WorkflowEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The triage use cases around the orchestrator: claim a ticket (status {@code processing}),
 * run the team, write the outcome back ({@code resolved}, {@code escalated} or {@code error},
 * with {@code resolution} and the run's {@code workflow_log}), and reclaim what a crash left.
 *
 * <p>A claim is a lease: a conditional update to {@code processing} whose {@code updated_at} is
 * the lease start. It expires {@code TRIAGE_LEASE} later (by default {@code EXECUTION_TIMEOUT} +
 * 30 s), a point no live run can pass, so a ticket still
 * {@code processing} after that was abandoned
 * (a crashed JVM, a Lambda killed mid-run) and may be claimed again. Each claim logs a run id; a
 * run whose claim was taken over finds another run id in the log and discards its result.
 */
public class TriageService {

    /** How long a pending ticket may wait for its dispatch before the sweep sends it again. */
    static final Duration DISPATCH_GRACE = Duration.ofMinutes(2);
    static final String STARTED = "triage_started";
    static final String FINISHED = "triage_finished";
    static final String TURN = "triage_turn";
    static final String IMAGES_NOT_ANALYSED = "image_analysis_unavailable";
    private static final int MAX_LOGGED_TURNS = 40;
    private static final int MAX_DETAIL = 1000;
    private static final int WRITE_ATTEMPTS = 5;
    private static final int SWEEP_PAGE = 50;
    private static final Logger LOG = LoggerFactory.getLogger(TriageService.class);

    private final TicketRepository tickets;
    private final TriageOrchestrator orchestrator;
    private final Clock clock;
    private final Duration lease;
    private final AttachmentImages images;

    /**
     * With {@code images}, a ticket's image attachments reach engines that can read them.
     * {@code lease} must outlast the longest run of every runtime that triages the same table
     * (see {@code TRIAGE_LEASE}), not only this one's.
     */
    public TriageService(TicketRepository tickets, TriageOrchestrator orchestrator, Clock clock,
                         AttachmentImages images, Duration lease) {
        if (lease.compareTo(orchestrator.bounds().executionTimeout()) <= 0) {
            throw new IllegalArgumentException("the triage lease must outlast EXECUTION_TIMEOUT");
        }
        this.tickets = tickets;
        this.orchestrator = orchestrator;
        this.clock = clock;
        this.lease = lease;
        this.images = images;
    }

    /** What a queued triage did: ran it, had nothing to do, or found it busy (retry later). */
    public enum Outcome { DONE, SKIPPED, BUSY }

    /**
     * Runs triage now for a caller who may see the ticket (owner or staff), within the bounds,
     * and returns the result after it was written back.
     */
    public WorkflowResult process(String ticketId, Caller caller) {
        Ticket ticket = startable(ticketId, caller);
        String runId = UUID.randomUUID().toString();
        Ticket claimed;
        try {
            claimed = claim(ticket, caller.username(), runId);
        } catch (VersionMismatchException e) {
            throw new TriageInProgressException(ticketId, "(changed while claiming; retry)");
        }
        return runAndRecord(claimed, runId);
    }

    /**
     * Checks, as {@link #process} does, that the caller may start a run now, then hands the run to
     * {@code dispatcher} instead of holding the request for it ({@code Prefer: respond-async}).
     * Nothing is written here: the worker claims the ticket as for any queued run.
     *
     * @return the ticket as it stands before the run
     * @throws TriageNotQueuedException when the dispatcher cannot take the run now
     */
    public Ticket queue(String ticketId, Caller caller, TriageDispatcher dispatcher) {
        Ticket ticket = startable(ticketId, caller);
        if (!dispatcher.dispatchRequested(ticketId)) {
            throw new TriageNotQueuedException(ticketId);
        }
        return ticket;
    }

    private Ticket startable(String ticketId, Caller caller) {
        Ticket ticket = tickets.find(ticketId).filter(t -> t.visibleTo(caller))
                .orElseThrow(() -> new TicketNotFoundException(ticketId));
        TicketStatus status = ticket.statusValue();
        if (status == TicketStatus.PROCESSING && !leaseExpired(ticket)) {
            throw new TriageInProgressException(ticketId, leaseExpiry(ticket).toString());
        }
        if (status != TicketStatus.PROCESSING && !status.canMoveTo(TicketStatus.PROCESSING)) {
            throw new InvalidTransitionException(status, TicketStatus.PROCESSING);
        }
        return ticket;
    }

    /** Runs triage for a dispatched ticket: a pending one, or one whose lease has expired. */
    public Outcome processQueued(String ticketId) {
        return processQueued(ticketId, false);
    }

    /**
     * Runs triage for a dispatched ticket. A run a person asked for ({@code requested}) may also
     * start from {@code escalated} or {@code error}, as {@code /process} may; a new or swept
     * ticket only from {@code pending} or an expired lease, so a ticket that staff took over in
     * the meantime is left to them.
     */
    public Outcome processQueued(String ticketId, boolean requested) {
        Optional<Ticket> found = tickets.find(ticketId);
        if (found.isEmpty()) {
            return Outcome.SKIPPED;
        }
        Ticket ticket = found.get();
        TicketStatus status = ticket.statusValue();
        if (status == TicketStatus.PROCESSING && !leaseExpired(ticket)) {
            return Outcome.BUSY;
        }
        boolean startable = status == TicketStatus.PENDING || status == TicketStatus.PROCESSING
                || (requested && status.canMoveTo(TicketStatus.PROCESSING));
        if (!startable) {
            return Outcome.SKIPPED;
        }
        String runId = UUID.randomUUID().toString();
        Ticket claimed;
        try {
            claimed = claim(ticket, "triage", runId);
        } catch (VersionMismatchException | TicketNotFoundException e) {
            return Outcome.BUSY;
        }
        runAndRecord(claimed, runId);
        return Outcome.DONE;
    }

    /**
     * The sweep: hands every ticket that is {@code processing} past its lease, and with
     * {@code includePending} every one {@code pending} longer than the dispatch grace, to
     * {@code dispatcher} again. Queries the status index page by page, no Scan.
     *
     * @return how many tickets were handed over
     */
    public int reclaim(TriageDispatcher dispatcher, boolean includePending) {
        int handed = 0;
        Instant now = clock.instant();
        List<TicketStatus> statuses = includePending ? List.of(TicketStatus.PROCESSING, TicketStatus.PENDING)
                : List.of(TicketStatus.PROCESSING);
        for (TicketStatus status : statuses) {
            // Newest first: the stalest tickets sit on the last pages, so every page is read.
            PageCursor after = null;
            do {
                TicketPage page = tickets.list(new TicketQuery(null, status, SWEEP_PAGE, after));
                for (Ticket ticket : page.items()) {
                    boolean stale = status == TicketStatus.PROCESSING ? leaseExpired(ticket)
                            : Instant.parse(ticket.updatedAt()).plus(DISPATCH_GRACE).isBefore(now);
                    if (stale && dispatcher.dispatch(ticket.ticketId())) {
                        handed++;
                    }
                }
                after = page.nextCursor() == null ? null : PageCursor.decode(page.nextCursor());
            } while (after != null);
        }
        if (handed > 0) {
            LOG.info("Reclaimed {} tickets for triage", handed);
        }
        return handed;
    }

    boolean leaseExpired(Ticket ticket) {
        return leaseExpiry(ticket).isBefore(clock.instant());
    }

    private Instant leaseExpiry(Ticket ticket) {
        return Instant.parse(ticket.updatedAt()).plus(lease);
    }

    private Ticket claim(Ticket ticket, String actor, String runId) {
        String now = Timestamps.format(clock.instant());
        List<WorkflowEntry> log = new ArrayList<>(ticket.workflowLog());
        log.add(new WorkflowEntry(now, actor, STARTED, "run " + runId + " on " + orchestrator.engineName()
                + (ticket.statusValue() == TicketStatus.PROCESSING ? " (lease of an earlier run expired)" : "")));
        long imageCount = ticket.attachments().stream().filter(a -> a.contentType().startsWith("image/")).count();
        if (imageCount > 0 && !orchestrator.engineReadsImages()) {
            log.add(new WorkflowEntry(now, actor, IMAGES_NOT_ANALYSED, "Image analysis was not available: the "
                    + orchestrator.engineName() + " engine cannot read images, so " + imageCount
                    + " attached image(s) were not analysed"));
        }
        Ticket next = new Ticket(ticket.ticketId(), ticket.title(), ticket.description(), ticket.severity(),
                ticket.category(), TicketStatus.PROCESSING.wire(), ticket.requester(), ticket.assignee(),
                ticket.resolution(), log, ticket.attachments(), ticket.createdAt(), now, ticket.version());
        return tickets.update(next, ticket.version());
    }

    private WorkflowResult runAndRecord(Ticket claimed, String runId) {
        List<TriageContext.TicketImage> attached = orchestrator.engineReadsImages()
                ? images.of(claimed).stream().map(i -> new TriageContext.TicketImage(i.fileName(), i.mediaType(),
                        i.bytes())).toList()
                : List.of();
        TriageContext context = new TriageContext(claimed.ticketId(), claimed.title(), claimed.description(),
                claimed.severity(), claimed.category(), attached);
        WorkflowResult result;
        try {
            result = orchestrator.run(context);
        } catch (RuntimeException e) {
            // The orchestrator contains engine failures itself; this is a last line of defence
            // so the ticket never stays claimed because of a bug.
            LOG.error("Triage of {} failed outside the orchestrator", claimed.ticketId(), e);
            result = new WorkflowResult("Triage failed unexpectedly; a person will take over.", List.of(), 0,
                    TicketStatus.ERROR.wire(), "Triage failed: " + e.getClass().getSimpleName(),
                    TerminatedBy.ERROR.wire(), List.of(), null, null, orchestrator.engineName(),
                    new TokenUsage(0, 0, 0));
        }
        record(claimed.ticketId(), runId, result);
        LOG.info("Triage of {} ended: terminated_by={} status={} handoffs={} execution_time={}s tokens={}",
                claimed.ticketId(), result.terminatedBy(), result.status(), result.handoffSequence(),
                result.executionTime(), result.tokenUsage());
        return result;
    }

    private void record(String ticketId, String runId, WorkflowResult result) {
        for (int attempt = 1; attempt <= WRITE_ATTEMPTS; attempt++) {
            Optional<Ticket> found = tickets.find(ticketId);
            if (found.isEmpty()) {
                return; // deleted while it was being triaged
            }
            Ticket current = found.get();
            if (!ownsClaim(current, runId)) {
                LOG.warn("Triage run {} of {} lost its claim; result discarded", runId, ticketId);
                return;
            }
            String now = Timestamps.format(clock.instant());
            List<WorkflowEntry> log = new ArrayList<>(current.workflowLog());
            List<Turn> turns = result.conversationHistory();
            for (Turn turn : turns.subList(0, Math.min(turns.size(), MAX_LOGGED_TURNS))) {
                log.add(new WorkflowEntry(now, "triage:" + turn.agent(), TURN, clip(turn.content())));
            }
            log.add(new WorkflowEntry(now, "triage", FINISHED, clip("terminated_by=" + result.terminatedBy()
                    + "; status=" + result.status() + "; handoffs=" + result.handoffSequence()
                    + "; execution_time=" + result.executionTime() + "s; summary=" + result.summary())));
            boolean stillOurs = current.statusValue() == TicketStatus.PROCESSING;
            Ticket next = new Ticket(current.ticketId(), current.title(), current.description(), current.severity(),
                    current.category() != null ? current.category() : result.predictedCategory(),
                    stillOurs ? result.status() : current.status(), current.requester(), current.assignee(),
                    stillOurs ? clip(result.finalResponse()) : current.resolution(), log, current.attachments(),
                    current.createdAt(), now, current.version());
            try {
                tickets.update(next, current.version());
                return;
            } catch (VersionMismatchException e) {
                LOG.debug("Ticket {} changed while recording triage; retrying", ticketId);
            }
        }
        throw new IllegalStateException("Could not record triage of " + ticketId + " after " + WRITE_ATTEMPTS
                + " attempts");
    }

    private static boolean ownsClaim(Ticket ticket, String runId) {
        List<WorkflowEntry> log = ticket.workflowLog();
        for (int i = log.size() - 1; i >= 0; i--) {
            WorkflowEntry entry = log.get(i);
            if (STARTED.equals(entry.event())) {
                return entry.detail() != null && entry.detail().startsWith("run " + runId);
            }
        }
        return false;
    }

    private static String clip(String text) {
        if (text == null) {
            return null;
        }
        return text.length() > MAX_DETAIL ? text.substring(0, MAX_DETAIL) + "…" : text;
    }
}
