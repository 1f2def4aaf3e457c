package dev.hauntedhelpdesk.triage;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.concurrent.atomic.AtomicLong;

/** Model tokens a run consumed (zero for the local engine, which is not billed per token). */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record TokenUsage(long inputTokens, long outputTokens, int modelCalls) {

    /** Adds up the usage of one run's model calls; safe to share with step threads. */
    public static final class Counter {
        private final AtomicLong input = new AtomicLong();
        private final AtomicLong output = new AtomicLong();
        private final AtomicLong calls = new AtomicLong();

        public void add(long inputTokens, long outputTokens) {
            input.addAndGet(inputTokens);
            output.addAndGet(outputTokens);
            calls.incrementAndGet();
        }

        public TokenUsage total() {
            return new TokenUsage(input.get(), output.get(), (int) calls.get());
        }
    }
}
