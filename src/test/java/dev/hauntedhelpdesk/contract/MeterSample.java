package dev.hauntedhelpdesk.contract;

import java.util.Map;

/**
 * One series read back from a runtime's metrics output, in Micrometer's terms whatever the format:
 * the meter's name ({@code http.server.requests}), its tags, and how many times it counted (a
 * timer's sample count, a counter's total).
 *
 * @param name the meter name as the application registers it
 * @param tags the series' tags
 * @param count the number of samples (timers) or the total (counters)
 */
public record MeterSample(String name, Map<String, String> tags, double count) {

    public MeterSample {
        tags = Map.copyOf(tags);
    }

    /** True when every given tag has the given value. */
    public boolean has(Map<String, String> wanted) {
        return wanted.entrySet().stream().allMatch(e -> e.getValue().equals(tags.get(e.getKey())));
    }
}
