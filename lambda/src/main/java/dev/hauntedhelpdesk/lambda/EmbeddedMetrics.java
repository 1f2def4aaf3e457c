package dev.hauntedhelpdesk.lambda;

import dev.hauntedhelpdesk.metrics.Meters;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micronaut.context.annotation.Value;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Writes what the meters counted during one invocation as CloudWatch embedded metric format: one
 * JSON line per meter on standard output, which CloudWatch Logs turns into metrics. No CloudWatch
 * API call is made, so nothing waits on one and the role needs no permission for it. The
 * registry is emptied after each write, so every line holds exactly one invocation's values.
 *
 * <p>Each meter's tags form its one dimension set. A timer's samples are not kept one by one: it
 * writes {@code count} values equal to its mean (at most {@value #MAX_VALUES}), which keeps
 * CloudWatch's SampleCount and Sum exact; within one invocation a timer rarely holds more than a
 * few calls.
 */
@Singleton
class EmbeddedMetrics {

    /** The namespace when {@code METRICS_NAMESPACE} names none. */
    static final String DEFAULT_NAMESPACE = "HauntedHelpdesk";
    /** EMF takes at most 100 values per metric on one line. */
    static final int MAX_VALUES = 100;
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMetrics.class);

    private final MeterRegistry registry;
    private final JsonMapper json;
    private final String namespace;

    EmbeddedMetrics(Meters meters, JsonMapper json,
                    @Value("${metrics.namespace:" + DEFAULT_NAMESPACE + "}") String namespace) {
        this.registry = meters.registry();
        this.json = json;
        this.namespace = namespace.isBlank() ? DEFAULT_NAMESPACE : namespace;
    }

    /** Writes the invocation's meters to standard output and empties the registry. */
    void flush() {
        flush(System.out);
    }

    synchronized void flush(PrintStream out) {
        List<String> lines = new ArrayList<>();
        long now = System.currentTimeMillis();
        for (Meter meter : registry.getMeters()) {
            line(meter, now).ifPresent(line -> lines.add(line));
        }
        registry.clear();
        // One write per line: CloudWatch Logs takes each line of stdout as one event.
        lines.forEach(out::println);
        out.flush();
    }

    /** Empties the registry without writing: what SnapStart priming measured was no invocation. */
    synchronized void discard() {
        registry.clear();
    }

    private Optional<String> line(Meter meter, long timestamp) {
        Object values;
        String unit;
        if (meter instanceof Timer timer) {
            long count = timer.count();
            if (count == 0) {
                return Optional.empty();
            }
            double mean = timer.mean(TimeUnit.MILLISECONDS);
            values = Collections.nCopies((int) Math.min(count, MAX_VALUES), round(mean));
            unit = "Milliseconds";
        } else if (meter instanceof Counter counter) {
            // A zero is written too: the meter was touched this invocation (a local run uses no tokens).
            values = counter.count();
            unit = "Count";
        } else {
            return Optional.empty();
        }
        String name = meter.getId().getName();
        Map<String, Object> event = new LinkedHashMap<>();
        List<String> dimensions = new ArrayList<>();
        for (Tag tag : meter.getId().getTagsAsIterable()) {
            dimensions.add(tag.getKey());
            event.put(tag.getKey(), tag.getValue());
        }
        event.put(name, values);
        event.put("_aws", Map.of(
                "Timestamp", timestamp,
                "CloudWatchMetrics", List.of(Map.of(
                        "Namespace", namespace,
                        "Dimensions", List.of(dimensions),
                        "Metrics", List.of(Map.of("Name", name, "Unit", unit))))));
        try {
            return Optional.of(json.writeValueAsString(event));
        } catch (IOException e) {
            // A metric is never worth failing the invocation for; the log says one is missing.
            LOG.warn("Could not write metric {}: {}", name, e.toString());
            return Optional.empty();
        }
    }

    private static double round(double millis) {
        return Math.round(millis * 1000) / 1000.0;
    }
}
