package dev.hauntedhelpdesk.triage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Evaluates the local engine's classifier on {@code bench/tickets.tsv}, a labelled set written
 * apart from the engine's examples, once per candidate model, each in a JVM of its own so that
 * no model's load time includes another's class loading or native extraction: prints each
 * model's accuracy beside its size and load time, so a smaller or faster model is chosen only
 * when it keeps the accuracy, then per model the misses, the confusion matrix and per-ticket
 * latency (p50, p99). A program, not a test: run it with {@code ./mvnw -B -Pbench -pl src verify}.
 */
public final class LocalEngineBenchmark {

    private static final List<String> CATEGORIES = List.of("network", "cloud", "access", "hardware", "software",
            "other");
    private static final String RESULT = "result\t";

    private record Candidate(String name, Class<?> modelClass, Supplier<Embedder> embedder) {
    }

    private static final List<Candidate> CANDIDATES = List.of(
            new Candidate(MiniLmEmbedder.MODEL + " (int8, shipped)",
                    dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel.class,
                    MiniLmEmbedder::new),
            new Candidate("all-MiniLM-L6-v2 (fp32)",
                    dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel.class,
                    FullMiniLmEmbedder::new));

    private LocalEngineBenchmark() {
    }

    /** Without arguments, runs every candidate in a child JVM; with a candidate's index, evaluates that one. */
    public static void main(String[] args) throws Exception {
        if (args.length == 1) {
            System.out.println(RESULT + evaluate(CANDIDATES.get(Integer.parseInt(args[0])), tickets()));
            return;
        }
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < CANDIDATES.size(); i++) {
            rows.add(inChildJvm(i));
        }
        System.out.printf("%nLocal engine benchmark: %d tickets, each model in a fresh JVM%n", tickets().size());
        System.out.printf("%-34s %9s %10s %18s %9s %9s%n", "model", "size MB", "load ms", "accuracy", "p50 ms",
                "p99 ms");
        rows.forEach(System.out::println);
    }

    private static String inChildJvm(int candidate) throws IOException, InterruptedException {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LocalEngineBenchmark.class.getName(),
                String.valueOf(candidate)).redirectErrorStream(true).start();
        String row = null;
        try (BufferedReader out = child.inputReader(StandardCharsets.UTF_8)) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith(RESULT)) {
                    row = line.substring(RESULT.length());
                } else if (!line.startsWith("{")) {
                    // Log lines are JSON; the report is plain text.
                    System.out.println(line);
                }
            }
        }
        if (child.waitFor() != 0 || row == null) {
            throw new IllegalStateException("benchmark of " + CANDIDATES.get(candidate).name() + " failed");
        }
        return row;
    }

    private static String evaluate(Candidate candidate, List<String[]> tickets) throws URISyntaxException, IOException {
        System.out.printf("%n== %s%n", candidate.name());
        long loadStart = System.nanoTime();
        LocalTriageEngine engine = new LocalTriageEngine(candidate.embedder().get());
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
        System.out.printf("confusion matrix (rows: expected, columns: predicted)%n%-10s", "");
        CATEGORIES.forEach(c -> System.out.printf("%9s", c));
        System.out.println();
        for (int r = 0; r < CATEGORIES.size(); r++) {
            System.out.printf("%-10s", CATEGORIES.get(r));
            for (int col = 0; col < CATEGORIES.size(); col++) {
                System.out.printf("%9d", confusion[r][col]);
            }
            System.out.println();
        }
        return String.format("%-34s %9.1f %10d %6d/%d = %5.1f%% %9.1f %9.1f", candidate.name(),
                jarMegabytes(candidate.modelClass()), loadMillis, correct, tickets.size(),
                100.0 * correct / tickets.size(), percentile(latencies, 50), percentile(latencies, 99));
    }

    private static List<String[]> tickets() throws IOException {
        List<String[]> tickets = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                LocalEngineBenchmark.class.getResourceAsStream("/bench/tickets.tsv")), StandardCharsets.UTF_8))) {
            in.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).forEach(l -> {
                String[] fields = l.split("\t");
                tickets.add(new String[] {fields[0], unescape(fields[1]), unescape(fields[2])});
            });
        }
        return tickets;
    }

    /** A tab-separated line cannot hold a line break: the set writes it as {@code \n} and a backslash as {@code \\}. */
    static String unescape(String field) {
        StringBuilder out = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && i + 1 < field.length()) {
                char next = field.charAt(++i);
                out.append(next == 'n' ? '\n' : next);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The size of the jar the model ships in: what it adds to an artifact. */
    private static double jarMegabytes(Class<?> modelClass) throws URISyntaxException, IOException {
        Path jar = Path.of(modelClass.getProtectionDomain().getCodeSource().getLocation().toURI());
        return Files.size(jar) / 1e6;
    }

    private static double percentile(long[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }
}
