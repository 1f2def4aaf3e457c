package dev.hauntedhelpdesk.container;

import dev.hauntedhelpdesk.contract.ApiRequest;
import dev.hauntedhelpdesk.contract.ApiResponse;
import dev.hauntedhelpdesk.contract.MeterSample;
import dev.hauntedhelpdesk.contract.MetricsContract;
import dev.hauntedhelpdesk.contract.RuntimeUnderTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The meters in the container, read from its Prometheus scrape over the socket, as a staff user
 * (the path sits on the public port, so anyone else is refused).
 */
class NettyMetricsTest extends MetricsContract {

    private static final String PATH = "/internal/metrics";
    /** A sample line: name, optional labels, value. */
    private static final Pattern LINE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    @Override
    protected RuntimeUnderTest runtime() {
        return new NettyRuntime();
    }

    @Override
    protected List<MeterSample> published() {
        return parse(scrape());
    }

    private String scrape() {
        ApiResponse response = api.as("dave", ApiRequest.of("GET", PATH));
        assertEquals(200, response.status(), response::toString);
        assertTrue(response.header("Content-Type").startsWith("text/plain"), response::toString);
        return response.body();
    }

    @Test
    void scrape_isRefusedToAnonymousCallersAndRequesters_andOpenToAgents() {
        assertEquals(401, api.send(ApiRequest.of("GET", PATH)).status());
        assertEquals(403, api.as("alice", ApiRequest.of("GET", PATH)).status());
        assertEquals(200, api.as("carol", ApiRequest.of("GET", PATH)).status());
    }

    @Test
    void latencies_areHistograms() throws IOException {
        String text = scrape();
        Path excerpt = Path.of("target", "metrics-scrape.txt");
        Files.createDirectories(excerpt.getParent());
        Files.writeString(excerpt, text);
        for (String name : List.of("http_server_requests_seconds", "helpdesk_triage_runs_seconds",
                "aws_sdk_calls_seconds")) {
            assertTrue(text.contains("# TYPE " + name + " histogram"), name + " in\n" + text);
            assertTrue(text.contains(name + "_bucket{"), name + " in\n" + text);
        }
    }

    /**
     * Prometheus names back to Micrometer's: timers are {@code <name>_seconds_count}, counters
     * {@code <name>_total}; the meters' own names have dots where Prometheus has underscores.
     */
    static List<MeterSample> parse(String text) {
        List<MeterSample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            Matcher m = LINE.matcher(line.trim());
            if (line.startsWith("#") || !m.matches()) {
                continue;
            }
            String name = m.group(1);
            String base;
            if (name.endsWith("_seconds_count")) {
                base = name.substring(0, name.length() - "_seconds_count".length());
            } else if (name.endsWith("_total")) {
                base = name.substring(0, name.length() - "_total".length());
            } else {
                continue;
            }
            Map<String, String> tags = new LinkedHashMap<>();
            if (m.group(2) != null) {
                Matcher label = LABEL.matcher(m.group(2));
                while (label.find()) {
                    tags.put(label.group(1), label.group(2).replace("\\\"", "\"").replace("\\\\", "\\"));
                }
            }
            samples.add(new MeterSample(base.replace('_', '.'), tags, Double.parseDouble(m.group(3))));
        }
        return samples;
    }
}
