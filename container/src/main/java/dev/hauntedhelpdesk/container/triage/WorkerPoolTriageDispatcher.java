package dev.hauntedhelpdesk.container.triage;

import dev.hauntedhelpdesk.config.HelpdeskSettings;
import dev.hauntedhelpdesk.triage.TriageDispatcher;
import dev.hauntedhelpdesk.triage.TriageService;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The container's triage workers: {@code TRIAGE_WORKERS} threads and a queue of at most
 * {@code TRIAGE_QUEUE_CAPACITY} tickets. When the queue is full a dispatch is refused rather than
 * piling up memory; the ticket stays {@code pending} and the sweep, every minute, hands over
 * tickets left pending or abandoned in {@code processing} (see {@link TriageService}).
 */
@Singleton
class WorkerPoolTriageDispatcher implements TriageDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(WorkerPoolTriageDispatcher.class);

    private final TriageService triage;
    private final ThreadPoolExecutor pool;
    private final boolean sweepPending;

    WorkerPoolTriageDispatcher(TriageService triage, HelpdeskSettings settings) {
        this.triage = triage;
        this.sweepPending = settings.triage().onCreate();
        int workers = settings.triage().workers();
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(settings.triage().queueCapacity()),
                r -> {
                    Thread t = new Thread(r, "triage-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                },
                new ThreadPoolExecutor.AbortPolicy());
    }

    @Override
    public boolean dispatch(String ticketId) {
        return submit(ticketId, false, null);
    }

    @Override
    public boolean dispatchRequested(String ticketId, String runId) {
        return submit(ticketId, true, runId);
    }

    private boolean submit(String ticketId, boolean requested, String runId) {
        try {
            pool.execute(() -> {
                try {
                    triage.processQueued(ticketId, requested, runId);
                } catch (RuntimeException e) {
                    LOG.error("Triage of {} failed; the sweep will retry it", ticketId, e);
                }
            });
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    @Scheduled(fixedDelay = "60s", initialDelay = "30s")
    void sweep() {
        try {
            triage.reclaim(this, sweepPending);
        } catch (RuntimeException e) {
            LOG.warn("Triage sweep failed: {}", e.toString());
        }
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }
}
