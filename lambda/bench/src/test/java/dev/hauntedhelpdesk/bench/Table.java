package dev.hauntedhelpdesk.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The Lambda results as one markdown table: per subject and column the median over its cold
 * starts with the min–max beside it, and, for every subject after the first (the plain handler),
 * the median's ratio to the first's.
 */
final class Table {

    private record Column(String title, ToDoubleFunction<ColdStart.Sample> value) {
    }

    private static final List<Column> COLUMNS = List.of(
            new Column("init ms", ColdStart.Sample::initMs),
            new Column("1st call ms", ColdStart.Sample::firstCallMs),
            new Column("init+1st ms", ColdStart.Sample::initPlusFirstMs),
            new Column("warm p50 ms", ColdStart.Sample::warmP50Ms),
            new Column("peak RSS MB", ColdStart.Sample::peakRssMb));

    private final Map<Subject, List<ColdStart.Sample>> samples = new LinkedHashMap<>();

    void add(Subject subject, ColdStart.Sample sample) {
        samples.computeIfAbsent(subject, s -> new ArrayList<>()).add(sample);
    }

    /** A subject's median of one measure over its cold starts. */
    double median(Subject subject, ToDoubleFunction<ColdStart.Sample> value) {
        List<ColdStart.Sample> ofSubject = samples.get(subject);
        if (ofSubject == null) {
            throw new IllegalArgumentException("No cold starts of " + subject.name());
        }
        return Cells.median(values(ofSubject, value));
    }

    /** The first subject's median init, the yardstick of the container's readiness too. */
    double baselineInitMs() {
        return Cells.median(values(samples.values().iterator().next(), ColdStart.Sample::initMs));
    }

    String render() {
        StringBuilder out = new StringBuilder();
        out.append("| subject |");
        COLUMNS.forEach(c -> out.append(' ').append(c.title()).append(" |"));
        out.append(" artifact MB |\n|---|");
        COLUMNS.forEach(c -> out.append("---|"));
        out.append("---|\n");
        Subject baseline = samples.keySet().iterator().next();
        for (Map.Entry<Subject, List<ColdStart.Sample>> row : samples.entrySet()) {
            boolean isBaseline = row.getKey() == baseline;
            out.append("| ").append(row.getKey().name()).append(" |");
            for (Column column : COLUMNS) {
                double[] values = values(row.getValue(), column.value());
                out.append(' ').append(Cells.medianRange(values));
                if (!isBaseline) {
                    double base = Cells.median(values(samples.get(baseline), column.value()));
                    out.append(' ').append(Cells.ratio(Cells.median(values) / base));
                }
                out.append(" |");
            }
            double artifact = row.getKey().deployment().megabytes();
            out.append(' ').append(Cells.number(artifact));
            if (!isBaseline) {
                out.append(' ').append(Cells.ratio(artifact / baseline.deployment().megabytes()));
            }
            out.append(" |\n");
        }
        return out.toString();
    }

    private static double[] values(List<ColdStart.Sample> samples, ToDoubleFunction<ColdStart.Sample> value) {
        return samples.stream().mapToDouble(value).toArray();
    }
}
