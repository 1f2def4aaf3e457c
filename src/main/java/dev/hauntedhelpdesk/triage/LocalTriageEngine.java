package dev.hauntedhelpdesk.triage;

import dev.hauntedhelpdesk.memory.Keywords;
import dev.hauntedhelpdesk.memory.RecalledMemory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The engine that needs no network and no account. A real sentence-embedding model
 * ({@link Embedder}, all-MiniLM-L6-v2, quantized) places the ticket near labelled examples
 * ({@code triage/examples.tsv}): the category whose closest {@value #NEIGHBOURS} examples are
 * most similar wins, and a softmax over those scores is the confidence. A specialist's answer is
 * composed from the runbook steps ({@code triage/runbooks.tsv}) closest to the ticket, the
 * resolutions of similar past tickets and its tools' findings; when the steps of another
 * category fit clearly better it hands off, and when nothing fits it escalates.
 */
public class LocalTriageEngine implements TriageEngine {

    static final int NEIGHBOURS = 3;
    static final double TEMPERATURE = 0.05;
    static final int STEPS = 3;
    static final double STEP_THRESHOLD = 0.25;
    static final double RESOLVE_THRESHOLD = 0.35;
    static final double HANDOFF_MARGIN = 0.10;
    static final double MEMORY_RESOLVES = 0.80;
    private static final int CACHE = 512;

    private final Embedder embedder;
    private final List<Embedded> examples;
    private final List<Embedded> runbook;
    private final Map<String, float[]> cache = new ConcurrentHashMap<>();

    public LocalTriageEngine(Embedder embedder) {
        this(embedder, LabelledText.read("triage/examples.tsv"), LabelledText.read("triage/runbooks.tsv"));
    }

    LocalTriageEngine(Embedder embedder, List<LabelledText> examples, List<LabelledText> runbook) {
        this.embedder = embedder;
        this.examples = embedAll(embedder, examples);
        this.runbook = embedAll(embedder, runbook);
    }

    private static List<Embedded> embedAll(Embedder embedder, List<LabelledText> texts) {
        List<float[]> vectors = embedder.embedAll(texts.stream().map(LabelledText::text).toList());
        List<Embedded> embedded = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            embedded.add(new Embedded(texts.get(i), vectors.get(i)));
        }
        return List.copyOf(embedded);
    }

    private record Embedded(LabelledText text, float[] vector) {
    }

    private record Scored(LabelledText text, double score) {
    }

    @Override
    public String name() {
        return "local";
    }

    @Override
    public Classification classify(TriageContext context, TokenUsage.Counter tokens) {
        Map<String, Double> scores = categoryScores(vector(context.text()));
        String best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        double sum = 0;
        for (Map.Entry<String, Double> e : scores.entrySet()) {
            if (e.getValue() > bestScore) {
                best = e.getKey();
                bestScore = e.getValue();
            }
        }
        for (double score : scores.values()) {
            sum += Math.exp((score - bestScore) / TEMPERATURE);
        }
        return new Classification(best, 1.0 / sum);
    }

    /** Per category, the mean similarity of its closest examples. */
    Map<String, Double> categoryScores(float[] query) {
        Map<String, List<Double>> byCategory = new LinkedHashMap<>();
        for (Embedded example : examples) {
            byCategory.computeIfAbsent(example.text().category(), k -> new ArrayList<>())
                    .add(Keywords.cosine(query, example.vector()));
        }
        Map<String, Double> scores = new LinkedHashMap<>();
        byCategory.forEach((category, sims) -> scores.put(category, sims.stream()
                .sorted(Comparator.reverseOrder()).limit(NEIGHBOURS).mapToDouble(Double::doubleValue).average()
                .orElse(0)));
        return scores;
    }

    @Override
    public Optional<float[]> embed(String text) {
        return Optional.of(vector(text));
    }

    @Override
    public AgentReply consult(Agent specialist, TriageContext context, Evidence evidence, TokenUsage.Counter tokens) {
        float[] query = vector(context.text());
        String own = specialist.category().wire();
        List<Scored> ranked = runbook.stream()
                .map(step -> new Scored(step.text(), Keywords.cosine(query, step.vector())))
                .sorted(Comparator.comparingDouble(Scored::score).reversed())
                .toList();
        List<Scored> mine = ranked.stream().filter(s -> s.text().category().equals(own)).toList();
        Scored bestOverall = ranked.get(0);
        double bestMine = mine.isEmpty() ? 0 : mine.get(0).score();
        if (!bestOverall.text().category().equals(own) && bestOverall.score() > bestMine + HANDOFF_MARGIN) {
            return new AgentReply.Handoff(Agent.specialistFor(bestOverall.text().category()).wire(), String.format(
                    "the %s runbook fits better (%.2f vs %.2f)", bestOverall.text().category(), bestOverall.score(),
                    bestMine));
        }
        List<Scored> steps = mine.stream().filter(s -> s.score() >= STEP_THRESHOLD).limit(STEPS).toList();
        Optional<RecalledMemory> memory = evidence.memories().stream().findFirst();
        StringBuilder answer = new StringBuilder();
        if (memory.isPresent()) {
            answer.append("A similar ticket was resolved before: ")
                    .append(memory.get().memory().resolution().lines().findFirst().orElse("")).append("\n");
        }
        if (!steps.isEmpty()) {
            answer.append("Suggested steps:\n");
            for (int i = 0; i < steps.size(); i++) {
                answer.append(i + 1).append(". ").append(steps.get(i).text().text()).append("\n");
            }
        }
        if (!evidence.findings().isEmpty()) {
            answer.append("Diagnostics:\n");
            evidence.findings().forEach(f -> answer.append("- ").append(f).append("\n"));
        }
        boolean resolved = bestMine >= RESOLVE_THRESHOLD
                || memory.map(m -> m.similarity() >= MEMORY_RESOLVES).orElse(false);
        if (!resolved) {
            answer.append("No runbook step fits this ticket closely enough; a person from the ")
                    .append(own).append(" team will take over.");
        }
        return new AgentReply.Answer(answer.toString().strip(), resolved);
    }

    @Override
    public String summarize(TriageContext context, AgentReply.Answer answer, TokenUsage.Counter tokens) {
        long steps = answer.response().lines().filter(l -> l.matches("\\d+\\. .*")).count();
        return (answer.resolved() ? "Resolved" : "Escalated") + ": '" + context.title() + "' — " + steps
                + " runbook step(s) suggested" + (answer.response().startsWith("A similar ticket")
                ? ", drawing on a similar past ticket" : "") + ".";
    }

    @Override
    public EngineHealth health() {
        return new EngineHealth(EngineHealth.Status.AVAILABLE, null, "in-process", MiniLmEmbedder.MODEL + ", " + examples.size() + " examples, "
                + runbook.size() + " runbook steps");
    }

    private float[] vector(String text) {
        float[] cached = cache.get(text);
        if (cached != null) {
            return cached;
        }
        float[] vector = embedder.embed(text);
        if (cache.size() >= CACHE) {
            cache.clear();
        }
        cache.put(text, vector);
        return vector;
    }
}
