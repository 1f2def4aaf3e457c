package dev.hauntedhelpdesk.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.hauntedhelpdesk.lambda.snapstart.SnapStartPriming;
import dev.hauntedhelpdesk.security.KeySetPrefetch;
import dev.hauntedhelpdesk.triage.TriageDispatcher;
import dev.hauntedhelpdesk.triage.TriageService;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.BeanProvider;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The second handler of the Lambda artifact: consumes the triage queue
 * ({@code dev.hauntedhelpdesk.lambda.TriageQueueHandler}, with {@code ReportBatchItemFailures} on
 * the event source mapping). Each message names a ticket; its triage runs within the bounds and
 * its outcome is written to the ticket. A message fails (and SQS redelivers it after the
 * visibility timeout) when the ticket is busy under a live lease or the store failed; a malformed
 * message or a ticket that no longer exists is dropped, since a retry cannot help. Redelivery is
 * what picks up a ticket whose earlier run crashed; each invocation also sweeps for tickets left
 * pending or abandoned (at most every {@value #SWEEP_EVERY_MS} ms per instance).
 */
public class TriageQueueHandler extends MicronautRequestHandler<SQSEvent, SQSBatchResponse> {

    static final long SWEEP_EVERY_MS = 300_000;
    private static final Logger LOG = LoggerFactory.getLogger(TriageQueueHandler.class);

    @Inject
    TriageService triage;

    @Inject
    BeanProvider<TriageDispatcher> dispatcher;

    @Inject
    EmbeddedMetrics metrics;

    /** Kept here because CRaC's global context holds its resources only weakly. */
    private final SnapStartPriming priming;

    private long lastSweep;

    /** Builds the application context from the environment (and injects this), as Lambda starts the handler. */
    public TriageQueueHandler() {
        super();
        ApplicationContext context = getApplicationContext();
        priming = SnapStartPriming.forTriageQueue(context, PrimingLeftovers.of(context)).register();
    }

    /**
     * The triage function's context: it serves no request that carries a token, so it does not
     * fetch the pool's signing keys, at init or after a SnapStart restore.
     */
    @Override
    protected ApplicationContextBuilder newApplicationContextBuilder() {
        return super.newApplicationContextBuilder().properties(Map.of(KeySetPrefetch.ON_START, false));
    }

    /** What runs before a SnapStart snapshot is taken. */
    SnapStartPriming priming() {
        return priming;
    }

    @Override
    public SQSBatchResponse execute(SQSEvent event) {
        try {
            return process(event);
        } finally {
            metrics.flush();
        }
    }

    private SQSBatchResponse process(SQSEvent event) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        List<SQSEvent.SQSMessage> records = event == null || event.getRecords() == null ? List.of() : event.getRecords();
        for (SQSEvent.SQSMessage message : records) {
            var parsed = TriageMessage.parse(message.getBody());
            if (parsed.isEmpty()) {
                LOG.warn("Dropping malformed triage message {}", message.getMessageId());
                continue;
            }
            TriageMessage job = parsed.get();
            try {
                TriageService.Outcome outcome = triage.processQueued(job.ticketId(), job.requested(), job.runId());
                if (outcome == TriageService.Outcome.BUSY) {
                    failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
                }
            } catch (RuntimeException e) {
                LOG.error("Triage of {} failed; SQS will redeliver it", job.ticketId(), e);
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
            }
        }
        sweepNowAndThen();
        return new SQSBatchResponse(failures);
    }

    private void sweepNowAndThen() {
        long now = System.currentTimeMillis();
        if (!dispatcher.isPresent() || now - lastSweep < SWEEP_EVERY_MS) {
            return;
        }
        lastSweep = now;
        try {
            triage.reclaim(dispatcher.get(), true);
        } catch (RuntimeException e) {
            LOG.warn("Triage sweep failed: {}", e.toString());
        }
    }
}
