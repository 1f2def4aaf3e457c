package dev.hauntedhelpdesk.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hauntedhelpdesk.contract.ApiRequest;
import dev.hauntedhelpdesk.contract.ApiResponse;
import dev.hauntedhelpdesk.contract.MeterSample;
import dev.hauntedhelpdesk.contract.MetricsContract;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The meters in Lambda, read from the embedded metric format lines both functions (API and
 * triage) write to standard output, as CloudWatch Logs would receive them. Out-of-band runs go
 * through an SQS queue on moto to the real {@link TriageQueueHandler}.
 */
abstract class LambdaMetricsContract extends MetricsContract {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private PrintStream original;
    private SqsEventSource queue;

    @Override
    protected Map<String, Object> withTriageQueue(Map<String, Object> properties) {
        original = System.out;
        System.setOut(new PrintStream(new Tee(original, captured), true, StandardCharsets.UTF_8));
        queue = new SqsEventSource();
        queue.addTo(properties);
        queue.start(new HashMap<>(properties));
        return properties;
    }

    @Override
    protected void stopTriageQueue() {
        if (queue != null) {
            queue.close();
        }
        if (original != null) {
            System.setOut(original);
        }
    }

    @Override
    protected List<MeterSample> published() {
        List<MeterSample> samples = new ArrayList<>();
        for (JsonNode line : emfLines()) {
            JsonNode directive = line.get("_aws").get("CloudWatchMetrics").get(0);
            String name = directive.get("Metrics").get(0).get("Name").asText();
            Map<String, String> tags = new LinkedHashMap<>();
            directive.get("Dimensions").get(0).forEach(d -> tags.put(d.asText(), line.get(d.asText()).asText()));
            JsonNode values = line.get(name);
            samples.add(new MeterSample(name, tags, values.isArray() ? values.size() : values.asDouble()));
        }
        return samples;
    }

    @Test
    void everyLine_isEmbeddedMetricFormat_inTheDefaultNamespace_withItsDimensionsOnTheLine() throws IOException {
        List<JsonNode> lines = emfLines();
        assertFalse(lines.isEmpty());
        Path excerpt = Path.of("target", "metrics-emf-" + getClass().getSimpleName() + ".txt");
        Files.createDirectories(excerpt.getParent());
        Files.writeString(excerpt, String.join("\n", lines.stream().map(JsonNode::toString).toList()));
        for (JsonNode line : lines) {
            JsonNode aws = line.get("_aws");
            assertTrue(aws.get("Timestamp").isIntegralNumber(), line::toString);
            JsonNode directive = aws.get("CloudWatchMetrics").get(0);
            assertEquals(EmbeddedMetrics.DEFAULT_NAMESPACE, directive.get("Namespace").asText(), line::toString);
            assertEquals(1, directive.get("Dimensions").size(), line::toString);
            assertTrue(directive.get("Dimensions").get(0).size() <= 30, line::toString);
            directive.get("Dimensions").get(0).forEach(d -> assertTrue(line.get(d.asText()).isTextual(), line::toString));
            JsonNode metric = directive.get("Metrics").get(0);
            String unit = metric.get("Unit").asText();
            assertTrue(unit.equals("Milliseconds") || unit.equals("Count"), line::toString);
            JsonNode values = line.get(metric.get("Name").asText());
            assertTrue(unit.equals("Milliseconds") ? values.isArray() && !values.isEmpty() : values.isNumber(),
                    line::toString);
        }
    }

    @Test
    void noFunction_servesTheContainersScrape() {
        ApiResponse response = api.as("dave", ApiRequest.of("GET", "/internal/metrics"));
        assertEquals(404, response.status(), response::toString);
    }

    /** The lines of standard output that are EMF objects (the logs share the stream). */
    private List<JsonNode> emfLines() {
        String out;
        synchronized (captured) {
            out = captured.toString(StandardCharsets.UTF_8);
        }
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (!line.startsWith("{") || !line.contains("\"_aws\"")) {
                continue;
            }
            try {
                JsonNode node = JSON.readTree(line);
                if (node.has("_aws")) {
                    lines.add(node);
                }
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + line, e);
            }
        }
        return lines;
    }

    /** Writes to standard output as before and keeps a copy. */
    private static final class Tee extends OutputStream {
        private final OutputStream first;
        private final ByteArrayOutputStream copy;

        Tee(OutputStream first, ByteArrayOutputStream copy) {
            this.first = first;
            this.copy = copy;
        }

        @Override
        public void write(int b) throws IOException {
            first.write(b);
            synchronized (copy) {
                copy.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            first.write(b, off, len);
            synchronized (copy) {
                copy.write(b, off, len);
            }
        }

        @Override
        public void flush() throws IOException {
            first.flush();
        }
    }
}
