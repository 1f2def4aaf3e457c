package dev.hauntedhelpdesk.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The container's results as a markdown table, one row per measure (median and min–max over the
 * starts), readiness also as a ratio to the plain Lambda handler's init from the same run.
 */
final class ContainerTable {

    private record Row(String title, ToDoubleFunction<ContainerStart.Sample> value) {
    }

    private static final List<Row> ROWS = List.of(
            new Row("readiness ms (process start to /health/readiness 200)", ContainerStart.Sample::readinessMs),
            new Row("settled RSS MB (after start-up)", ContainerStart.Sample::settledRssMb),
            new Row("CPU ms per authenticated GET (utime+stime), after a warm-up of half as many",
                    s -> s.cpuPerGet().totalMs()),
            new Row("of which the JIT's compiler threads", s -> s.cpuPerGet().compilerMs()),
            new Row("CPU ms per authenticated GET, after the loads", s -> s.warmCpuPerGet().totalMs()),
            new Row("of which the JIT's compiler threads", s -> s.warmCpuPerGet().compilerMs()),
            new Row("CPU ms per authenticated GET after the loads, without the compiler threads",
                    s -> s.warmCpuPerGet().totalMs() - s.warmCpuPerGet().compilerMs()),
            new Row("req/s at 2 connections", s -> s.at2().requestsPerSecond()),
            new Row("p99 ms at 2 connections", s -> s.at2().p99Ms()),
            new Row("DynamoDB connections opened at 2", ContainerStart.Sample::dynamoDbConnectionsAt2),
            new Row("req/s at 8 connections", s -> s.at8().requestsPerSecond()),
            new Row("p99 ms at 8 connections", s -> s.at8().p99Ms()),
            new Row("DynamoDB connections opened at 8", ContainerStart.Sample::dynamoDbConnectionsAt8),
            new Row("peak RSS MB (after the loads)", ContainerStart.Sample::peakRssMb));

    private final List<ContainerStart.Sample> samples = new ArrayList<>();

    void add(ContainerStart.Sample sample) {
        samples.add(sample);
    }

    String render(double plainInitMs) {
        StringBuilder out = new StringBuilder("| this project, container (default configuration) | median (min–max) |\n|---|---|\n");
        for (Row row : ROWS) {
            double[] values = samples.stream().mapToDouble(row.value()).toArray();
            out.append("| ").append(row.title()).append(" | ").append(Cells.medianRange(values));
            if (row == ROWS.get(0)) {
                out.append(' ').append(Cells.ratio(Cells.median(values) / plainInitMs))
                        .append(" of the plain handler's init");
            }
            out.append(" |\n");
        }
        return out.toString();
    }
}
