package dev.hauntedhelpdesk.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The long lives of the API function and the plain handler: p50 of the first {@link #WINDOW} warm
 * calls (the JIT's warm-up is in them) and of the last {@link #WINDOW}, the RSS after the first
 * window and at the end. The API function is flat when its last window's p50 is within 10 % of
 * its first's and its RSS grew by less than 10 % between the two readings.
 */
final class DriftTable {

    static final int WINDOW = 500;
    private static final double FLAT = 1.10;

    private final Map<Subject, ColdStart.Drift> lives = new LinkedHashMap<>();

    void add(Subject subject, ColdStart.Drift drift) {
        lives.put(subject, drift);
    }

    String render(Subject api) {
        StringBuilder out = new StringBuilder("| subject | warm calls | p50 of calls 1–").append(WINDOW)
                .append(" ms | p50 of the last ").append(WINDOW).append(" ms | last / first | RSS after ")
                .append(WINDOW).append(" MB | RSS at the end MB |\n|---|---|---|---|---|---|---|\n");
        lives.forEach((subject, drift) -> out.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %.2f× | %s | %s |%n",
                subject.name(), drift.callMs().length, Cells.number(firstP50(drift)), Cells.number(lastP50(drift)),
                lastP50(drift) / firstP50(drift), Cells.number(drift.rssAfterWindowMb()),
                Cells.number(drift.rssAtEndMb()))));
        ColdStart.Drift life = lives.get(api);
        double latency = lastP50(life) / firstP50(life);
        double rss = life.rssAtEndMb() / life.rssAfterWindowMb();
        boolean met = latency <= FLAT && rss < FLAT;
        out.append(String.format(Locale.ROOT, "%n- API function: flat over %d calls (last %d p50 within 10 %% of"
                        + " the first %d, RSS up less than 10 %%): **%s** (p50 %.2f×, RSS %.2f×)%n",
                life.callMs().length, WINDOW, WINDOW, met ? "met" : "not met", latency, rss));
        return out.toString();
    }

    private static double firstP50(ColdStart.Drift drift) {
        return Cells.median(Arrays.copyOfRange(drift.callMs(), 0, WINDOW));
    }

    private static double lastP50(ColdStart.Drift drift) {
        double[] calls = drift.callMs();
        return Cells.median(Arrays.copyOfRange(calls, calls.length - WINDOW, calls.length));
    }
}
