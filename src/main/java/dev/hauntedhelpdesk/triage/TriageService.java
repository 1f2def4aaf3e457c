package dev.hauntedhelpdesk.triage;

import dev.hauntedhelpdesk.attachment.AttachmentImages;
import dev.hauntedhelpdesk.security.Caller;
import dev.hauntedhelpdesk.ticket.PageCursor;
import dev.hauntedhelpdesk.ticket.Ticket;
import dev.hauntedhelpdesk.ticket.TicketPage;
import dev.hauntedhelpdesk.ticket.TicketQuery;
import dev.hauntedhelpdesk.ticket.TicketRepository;
import dev.hauntedhelpdesk.ticket.TicketRepository.ClaimOutcome;
import dev.hauntedhelpdesk.ticket.TicketRepository.Claimed;
import dev.hauntedhelpdesk.ticket.TicketRepository.TriageClaim;
import dev.hauntedhelpdesk.ticket.TicketRepository.TriageRecord;
import dev.hauntedhelpdesk.ticket.TicketRepository.TriageState;
import dev.hauntedhelpdesk.ticket.TicketStatus;
import dev.hauntedhelpdesk.ticket.Timestamps;
import dev.hauntedhelpdesk.ticket.WorkflowEntry;
import io.micronaut.json.JsonMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The triage use cases around the orchestrator: claim a ticket (status {@code processing}),
 * run the team, write the outcome back ({@code resolved}, {@code escalated} or {@code error},
 * with {@code resolution} and the run's {@code workflow_log}), and reclaim what a crash left.
 *
 * <p>A claim is a lease, kept on the ticket's item as attributes: one conditional update sets
 * {@code processing}, the run id ({@code triage_run_id}) and the lease expiry ({@code lease_until},
 * {@code TRIAGE_LEASE} later, by default {@code EXECUTION_TIMEOUT} + 30 s, a point no live run can
 * pass), so a ticket still {@code processing} after that was abandoned (a crashed JVM, a Lambda
 * killed mid-run) and may be claimed again. The run's outcome is one conditional update too, that
 * applies only while the item still holds this run's id and lease, so a run whose claim was taken
 * over writes nothing.
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
    private static final int SWEEP_PAGE = 50;
    private static final Logger LOG = LoggerFactory.getLogger(TriageService.class);

    private final TicketRepository tickets;
    private final TriageOrchestrator orchestrator;
    private final Clock clock;
    private final Duration lease;
    private final AttachmentImages images;
    private final TriageGate gate;
    private final JsonMapper json;
    private final TriageObserver observer;

    /**
     * With {@code images}, a ticket's image attachments reach engines that can read them.
     * {@code lease} must outlast the longest run of every runtime that triages the same table
     * (see {@code TRIAGE_LEASE}), not only this one's. Keeps no run's whole result on the ticket.
     */
    public TriageService(TicketRepository tickets, TriageOrchestrator orchestrator, Clock clock,
                         AttachmentImages images, Duration lease) {
        this(tickets, orchestrator, clock, images, lease, null, TriageObserver.NONE);
    }

    /**
     * As above, and with {@code json} every run keeps its whole result on the ticket, for a
     * caller who handed the run over and waits for it ({@link TriageHandOff}); {@code observer}
     * is told of every run and dispatch.
     */
    public TriageService(TicketRepository tickets, TriageOrchestrator orchestrator, Clock clock,
                         AttachmentImages images, Duration lease, JsonMapper json, TriageObserver observer) {
        if (lease.compareTo(orchestrator.bounds().executionTimeout()) <= 0) {
            throw new IllegalArgumentException("the triage lease must outlast EXECUTION_TIMEOUT");
        }
        this.tickets = tickets;
        this.orchestrator = orchestrator;
        this.clock = clock;
        this.lease = lease;
        this.images = images;
        this.gate = new TriageGate(tickets, clock, lease);
        this.json = json;
        this.observer = observer;
    }

    /** What a queued triage did: ran it, had nothing to do, or found it busy (retry later). */
    public enum Outcome { DONE, SKIPPED, BUSY }

    /**
     * Runs triage now for a caller who may see the ticket (owner or staff), within the bounds,
     * and returns the result after it was written back.
     */
    public WorkflowResult process(String ticketId, Caller caller) {
        Ticket ticket = gate.startable(ticketId, caller);
        String runId = UUID.randomUUID().toString();
        if (!(claim(ticket, caller.username(), runId) instanceof Claimed claimed)) {
            throw new TriageInProgressException(ticketId, "(changed while claiming; retry)");
        }
        return runAndRecord(claimed.ticket(), runId);
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
        return processQueued(ticketId, requested, null);
    }

    /**
     * As above, as run {@code runId} when given (the id the caller who handed it over waits
     * for), otherwise under a new id.
     */
    public Outcome processQueued(String ticketId, boolean requested, String runId) {
        Optional<TriageState> found = tickets.findForTriage(ticketId);
        if (found.isEmpty()) {
            return Outcome.SKIPPED;
        }
        Ticket ticket = found.get().ticket();
        TicketStatus status = ticket.status();
        if (status == TicketStatus.PROCESSING && !gate.leaseExpired(found.get())) {
            return Outcome.BUSY;
        }
        boolean startable = status == TicketStatus.PENDING || status == TicketStatus.PROCESSING
                || (requested && status.canMoveTo(TicketStatus.PROCESSING));
        if (!startable) {
            return Outcome.SKIPPED;
        }
        String run = runId == null ? UUID.randomUUID().toString() : runId;
        if (!(claim(ticket, "triage", run) instanceof Claimed claimed)) {
            return Outcome.BUSY;
        }
        runAndRecord(claimed.ticket(), run);
        return Outcome.DONE;
    }

    private boolean dispatched(TriageDispatcher dispatcher, String ticketId) {
        boolean queued = dispatcher.dispatch(ticketId);
        observer.dispatched("reclaimed", queued);
        return queued;
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
        // Newest first: the stalest tickets sit on the last pages, so every page is read.
        PageCursor after = null;
        do {
            TicketPage page = tickets.expiredTriageLeases(now, now.minus(lease), SWEEP_PAGE, after);
            for (Ticket ticket : page.items()) {
                if (dispatched(dispatcher, ticket.ticketId())) {
                    handed++;
                }
            }
            after = next(page);
        } while (after != null);
        if (includePending) {
            do {
                TicketPage page = tickets.list(new TicketQuery(null, TicketStatus.PENDING, SWEEP_PAGE, after));
                for (Ticket ticket : page.items()) {
                    boolean stale = Instant.parse(ticket.updatedAt()).plus(DISPATCH_GRACE).isBefore(now);
                    if (stale && dispatched(dispatcher, ticket.ticketId())) {
                        handed++;
                    }
                }
                after = next(page);
            } while (after != null);
        }
        if (handed > 0) {
            LOG.info("Reclaimed {} tickets for triage", handed);
        }
        return handed;
    }

    private static PageCursor next(TicketPage page) {
        return page.nextCursor() == null ? null : PageCursor.decode(page.nextCursor());
    }

    private ClaimOutcome claim(Ticket ticket, String actor, String runId) {
        // Millisecond precision, as every timestamp on the item.
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String now = Timestamps.format(at);
        List<WorkflowEntry> log = new ArrayList<>();
        log.add(new WorkflowEntry(now, actor, STARTED, "run " + runId + " on " + orchestrator.engineName()
                + (ticket.status() == TicketStatus.PROCESSING ? " (lease of an earlier run expired)" : "")));
        long imageCount = ticket.attachments().stream().filter(a -> a.contentType().startsWith("image/")).count();
        if (imageCount > 0 && !orchestrator.engineReadsImages()) {
            log.add(new WorkflowEntry(now, actor, IMAGES_NOT_ANALYSED, "Image analysis was not available: the "
                    + orchestrator.engineName() + " engine cannot read images, so " + imageCount
                    + " attached image(s) were not analysed"));
        }
        return tickets.claimTriage(ticket.ticketId(), new TriageClaim(runId, ticket.status(),
                at, at.plus(lease), at.minus(lease), log));
    }

    private WorkflowResult runAndRecord(Ticket claimed, String runId) {
        List<TriageContext.TicketImage> attached = orchestrator.engineReadsImages()
                ? images.of(claimed).stream().map(i -> new TriageContext.TicketImage(i.fileName(), i.mediaType(),
                        i.bytes())).toList()
                : List.of();
        TriageContext context = new TriageContext(claimed.ticketId(), claimed.title(), claimed.description(),
                claimed.severity().wire(), claimed.category() == null ? null : claimed.category().wire(), attached);
        WorkflowResult result;
        long started = System.nanoTime();
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
        record(claimed, runId, result);
        observer.ran(result, Duration.ofNanos(System.nanoTime() - started));
        LOG.info("Triage of {} ended: terminated_by={} status={} handoffs={} execution_time={}s tokens={}",
                claimed.ticketId(), result.terminatedBy(), result.status(), result.handoffSequence(),
                result.executionTime(), result.tokenUsage());
        return result;
    }

    private void record(Ticket claimed, String runId, WorkflowResult result) {
        String now = Timestamps.format(clock.instant());
        List<WorkflowEntry> log = new ArrayList<>();
        List<Turn> turns = result.conversationHistory();
        for (Turn turn : turns.subList(0, Math.min(turns.size(), MAX_LOGGED_TURNS))) {
            log.add(new WorkflowEntry(now, "triage:" + turn.agent(), TURN, clip(turn.content())));
        }
        log.add(new WorkflowEntry(now, "triage", FINISHED, clip("terminated_by=" + result.terminatedBy()
                + "; status=" + result.status() + "; handoffs=" + result.handoffSequence()
                + "; execution_time=" + result.executionTime() + "s; summary=" + result.summary())));
        switch (tickets.recordTriage(claimed.ticketId(), new TriageRecord(runId, result.status(),
                clip(result.finalResponse()), result.predictedCategory(), log, now, kept(result)))) {
            case LEASE_LOST -> LOG.warn("Triage run {} of {} lost its claim; result discarded", runId,
                    claimed.ticketId());
            case LOG_ONLY -> LOG.info("Ticket {} changed status during triage; only the run's log was kept",
                    claimed.ticketId());
            case RECORDED, TICKET_GONE -> {
                // written, or deleted while it was being triaged
            }
        }
    }

    private String kept(WorkflowResult result) {
        if (json == null) {
            return null;
        }
        try {
            return json.writeValueAsString(result);
        } catch (IOException e) {
            LOG.warn("Could not keep the result of a triage run: {}", e.toString());
            return null;
        }
    }

    private static String clip(String text) {
        if (text == null) {
            return null;
        }
        return text.length() > MAX_DETAIL ? text.substring(0, MAX_DETAIL) + "…" : text;
    }
}
