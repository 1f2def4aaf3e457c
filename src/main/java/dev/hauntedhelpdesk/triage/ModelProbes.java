package dev.hauntedhelpdesk.triage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Keeps the engine's health fresh for the health indicator without making health slow: a health
 * check reads what is known at once and, when that is older than {@link #INTERVAL} (or nothing is
 * known yet), starts one probe on a thread of its own, whose outcome the next check reads. A
 * triage call counts as fresh news too, so a busy service is never probed. Whatever asks for
 * health and however often, the model is probed at most once per interval.
 */
final class ModelProbes {

    static final Duration INTERVAL = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(ModelProbes.class);

    private final Supplier<TriageEngine> engine;
    private final Clock clock;
    private final AtomicBoolean probing = new AtomicBoolean();
    private volatile Instant lastProbe;
    private volatile long lastProbeNanos = -1;

    ModelProbes(Supplier<TriageEngine> engine, Clock clock) {
        this.engine = engine;
        this.clock = clock;
    }

    /** What is known now; starts a probe in the background when that is stale. */
    TriageEngine.EngineHealth current() {
        TriageEngine.EngineHealth health = engine.get().health();
        Instant now = clock.instant();
        if (isStale(health, now) && probing.compareAndSet(false, true)) {
            // Checked again under the flag, so two checks racing cannot both start a probe.
            if (lastProbe != null && now.isBefore(lastProbe.plus(INTERVAL))) {
                probing.set(false);
            } else {
                lastProbe = now;
                Thread.ofVirtual().name("llm-probe").start(this::probe);
            }
        }
        return health;
    }

    /** How long the last probe took to come back, answer or error; -1 before the first. */
    long lastProbeNanos() {
        return lastProbeNanos;
    }

    private void probe() {
        long started = System.nanoTime();
        try {
            engine.get().probe();
            lastProbeNanos = System.nanoTime() - started;
        } catch (RuntimeException e) {
            LOG.warn("LLM health probe failed unexpectedly", e);
        } finally {
            probing.set(false);
        }
    }

    private static boolean isStale(TriageEngine.EngineHealth health, Instant now) {
        return health.checkedAt() == null || !now.isBefore(health.checkedAt().plus(INTERVAL));
    }
}
