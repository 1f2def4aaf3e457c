package dev.hauntedhelpdesk.triage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Evaluates the local engine's classifier on {@code bench/tickets.tsv}, a labelled set written
 * apart from the engine's examples: prints accuracy, the confusion matrix and per-ticket
 * latency (p50, p99), and the model's load time. A program, not a test: run it with
 * {@code ./mvnw -B -Pbench -pl src verify}.
 */
public final class LocalEngineBenchmark {

    private static final List<String> CATEGORIES = List.of("network", "cloud", "access", "hardware", "software",
            "other");

    private LocalEngineBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        List<String[]> tickets = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                LocalEngineBenchmark.class.getResourceAsStream("/bench/tickets.tsv")), StandardCharsets.UTF_8))) {
            in.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).forEach(l -> tickets.add(l.split("\t")));
        }
        long loadStart = System.nanoTime();
        LocalTriageEngine engine = new LocalTriageEngine(new MiniLmEmbedder());
        long loadMillis = (System.nanoTime() - loadStart) / 1_000_000;

        int[][] confusion = new int[CATEGORIES.size()][CATEGORIES.size()];
        long[] latencies = new long[tickets.size()];
        int correct = 0;
        for (int i = 0; i < tickets.size(); i++) {
            String[] t = tickets.get(i);
            TriageContext context = TriageContext.of("bench-" + i, t[1], t[2], "medium", null);
            long started = System.nanoTime();
            Classification c = engine.classify(context, new TokenUsage.Counter());
            latencies[i] = System.nanoTime() - started;
            confusion[CATEGORIES.indexOf(t[0])][CATEGORIES.indexOf(c.category())]++;
            if (c.category().equals(t[0])) {
                correct++;
            } else {
                System.out.printf("miss: expected %-8s got %-8s (%.2f) %s%n", t[0], c.category(), c.confidence(), t[1]);
            }
        }
        Arrays.sort(latencies);
        System.out.printf("%nLocal engine benchmark: %d tickets, model load %d ms%n", tickets.size(), loadMillis);
        System.out.printf("accuracy: %d/%d = %.1f%%%n", correct, tickets.size(), 100.0 * correct / tickets.size());
        System.out.printf("latency per ticket (classify, fresh text): p50 %.1f ms, p99 %.1f ms%n",
                percentile(latencies, 50), percentile(latencies, 99));
        System.out.printf("%nconfusion matrix (rows: expected, columns: predicted)%n%-10s", "");
        CATEGORIES.forEach(c -> System.out.printf("%9s", c));
        System.out.println();
        for (int r = 0; r < CATEGORIES.size(); r++) {
            System.out.printf("%-10s", CATEGORIES.get(r));
            for (int col = 0; col < CATEGORIES.size(); col++) {
                System.out.printf("%9d", confusion[r][col]);
            }
            System.out.println();
        }
    }

    private static double percentile(long[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }
}
