package dev.hauntedhelpdesk.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The long lives of the API function and the plain handler: the first {@link #WINDOW} warm calls
 * warm the JIT up and are left out; then the p50 of the next {@link #WINDOW} and of the last
 * {@link #WINDOW}, and the RSS after the first window that counts and at the end. Measured from a
 * warmed JIT, a drift such as a registration per call shows instead of hiding behind the warm-up's
 * slower calls. The API function is flat when its last window's p50 is within 10 % of the window
 * after the warm-up and its RSS grew by less than 10 % between the two readings.
 */
final class DriftTable {

    static final int WINDOW = 500;
    /** The calls a long life needs: the warm-up, the first window that counts, and the last. */
    static final int MIN_CALLS = 3 * WINDOW;
    /** After how many calls the first RSS is read: the end of the first window that counts. */
    static final int FIRST_READING = 2 * WINDOW;
    private static final double FLAT = 1.10;

    private final Map<Subject, ColdStart.Drift> lives = new LinkedHashMap<>();

    void add(Subject subject, ColdStart.Drift drift) {
        lives.put(subject, drift);
    }

    String render(Subject api) {
        StringBuilder out = new StringBuilder("| subject | warm calls | p50 of calls ").append(WINDOW + 1).append('–')
                .append(FIRST_READING).append(" ms | p50 of the last ").append(WINDOW)
                .append(" ms | last / first | RSS after ").append(FIRST_READING)
                .append(" MB | RSS at the end MB |\n|---|---|---|---|---|---|---|\n");
        lives.forEach((subject, drift) -> out.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %.2f× | %s | %s |%n",
                subject.name(), drift.callMs().length, Cells.number(firstP50(drift)), Cells.number(lastP50(drift)),
                lastP50(drift) / firstP50(drift), Cells.number(drift.rssAtFirstReadingMb()),
                Cells.number(drift.rssAtEndMb()))));
        ColdStart.Drift life = lives.get(api);
        double latency = lastP50(life) / firstP50(life);
        double rss = life.rssAtEndMb() / life.rssAtFirstReadingMb();
        boolean met = latency <= FLAT && rss < FLAT;
        out.append(String.format(Locale.ROOT, "%n- API function: flat over %d calls (p50 of the last %d within 10 %%"
                        + " of calls %d–%d, RSS up less than 10 %%): **%s** (p50 %.2f×, RSS %.2f×)%n",
                life.callMs().length, WINDOW, WINDOW + 1, FIRST_READING, met ? "met" : "not met", latency, rss));
        return out.toString();
    }

    private static double firstP50(ColdStart.Drift drift) {
        return Cells.median(Arrays.copyOfRange(drift.callMs(), WINDOW, FIRST_READING));
    }

    private static double lastP50(ColdStart.Drift drift) {
        double[] calls = drift.callMs();
        return Cells.median(Arrays.copyOfRange(calls, calls.length - WINDOW, calls.length));
    }
}
