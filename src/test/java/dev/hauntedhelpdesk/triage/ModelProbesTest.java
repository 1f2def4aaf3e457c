package dev.hauntedhelpdesk.triage;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The probe schedule alone, with an engine that counts its probes and a clock the test moves. */
class ModelProbesTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-01T12:00:00Z"));
    private final CountingEngine engine = new CountingEngine(clock);
    private final ModelProbes probes = new ModelProbes(() -> engine, clock);

    @Test
    void theFirstCheck_answersNotProbed_andStartsOneProbe() throws InterruptedException {
        assertEquals(TriageEngine.EngineHealth.Status.NOT_PROBED, probes.current().status());

        engine.awaitProbes(1);
        assertEquals(TriageEngine.EngineHealth.Status.AVAILABLE, probes.current().status());
        assertEquals(1, engine.probes.get());
    }

    @Test
    void checksWithinTheInterval_probeNoMore_andTheNextOneAfterItProbesAgain() throws InterruptedException {
        probes.current();
        engine.awaitProbes(1);
        for (int i = 0; i < 50; i++) {
            clock.advance(Duration.ofSeconds(1));
            probes.current();
        }
        assertEquals(1, engine.probes.get());

        clock.advance(ModelProbes.INTERVAL);
        Thread.sleep(100); // lets the first probe's thread finish after its engine call returned
        probes.current();

        engine.awaitProbes(2);
        assertEquals(2, engine.probes.get());
    }

    @Test
    void aProbeThatFailsUnexpectedly_isNotRetriedOnEveryCheck() throws InterruptedException {
        engine.explode = true;
        for (int i = 0; i < 20; i++) {
            probes.current();
            Thread.sleep(5);
        }
        assertEquals(1, engine.probes.get());
    }

    /** Answers probes at once as available at the clock's time; never triages. */
    private static final class CountingEngine implements TriageEngine {
        final AtomicInteger probes = new AtomicInteger();
        final CountDownLatch[] done = {new CountDownLatch(1), new CountDownLatch(2)};
        private final Clock clock;
        volatile boolean explode;
        volatile EngineHealth health = EngineHealth.notProbed("no call yet");

        CountingEngine(Clock clock) {
            this.clock = clock;
        }

        void awaitProbes(int n) throws InterruptedException {
            assertTrue(done[n - 1].await(5, TimeUnit.SECONDS), "probes: " + probes.get());
        }

        @Override
        public EngineHealth probe() {
            probes.incrementAndGet();
            try {
                if (explode) {
                    throw new IllegalStateException("boom");
                }
                health = new EngineHealth(EngineHealth.Status.AVAILABLE, clock.instant(), "probe", "ok");
                return health;
            } finally {
                for (CountDownLatch latch : done) {
                    latch.countDown();
                }
            }
        }

        @Override
        public EngineHealth health() {
            return health;
        }

        @Override
        public String name() {
            return "counting";
        }

        @Override
        public Classification classify(TriageContext context, TokenUsage.Counter tokens) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<float[]> embed(String text) {
            return Optional.empty();
        }

        @Override
        public AgentReply consult(Agent specialist, TriageContext context, Evidence evidence, TokenUsage.Counter tokens) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String summarize(TriageContext context, AgentReply.Answer answer, TokenUsage.Counter tokens) {
            throw new UnsupportedOperationException();
        }
    }

    private static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
