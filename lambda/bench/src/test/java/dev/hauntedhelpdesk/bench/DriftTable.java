package dev.hauntedhelpdesk.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The long lives of the API function and the plain handler: the first {@link #WINDOW} warm calls
 * warm the JIT up and are left out; then the p50 of the next {@link #WINDOW} and of the last
 * {@link #WINDOW}, and the RSS after the first window that counts and at the end. Measured from a
 * warmed JIT, a drift such as a registration per call shows instead of hiding behind the warm-up's
 * slower calls. The API function is flat when, in the median of its lives, its last window's p50
 * is within 10 % of the window after the warm-up and its RSS grew by less than 10 % between the two
 * readings. One life is not enough: on a shared machine a single life's p50 moved by more than
 * 20 % either way between lives of the same function, so each subject lives several times, in turns.
 */
final class DriftTable {

    static final int WINDOW = 500;
    /** The calls a long life needs: the warm-up, the first window that counts, and the last. */
    static final int MIN_CALLS = 3 * WINDOW;
    /** After how many calls the first RSS is read: the end of the first window that counts. */
    static final int FIRST_READING = 2 * WINDOW;
    private static final double FLAT = 1.10;

    private record Life(Subject subject, int number, ColdStart.Drift drift) {
    }

    private final List<Life> lives = new ArrayList<>();

    /** Adds a subject's next life; a subject's lives are numbered in the order they are added. */
    void add(Subject subject, ColdStart.Drift drift) {
        int number = 1 + (int) lives.stream().filter(life -> life.subject().equals(subject)).count();
        lives.add(new Life(subject, number, drift));
    }

    String render(Subject api) {
        StringBuilder out = new StringBuilder("| subject | life | warm calls | p50 of calls ").append(WINDOW + 1).append('–')
                .append(FIRST_READING).append(" ms | p50 of the last ").append(WINDOW)
                .append(" ms | last / first | RSS after ").append(FIRST_READING)
                .append(" MB | RSS at the end MB |\n|---|---|---|---|---|---|---|---|\n");
        for (Life life : lives) {
            ColdStart.Drift drift = life.drift();
            out.append(String.format(Locale.ROOT, "| %s | %d | %d | %s | %s | %.2f× | %s | %s |%n",
                    life.subject().name(), life.number(), drift.callMs().length, Cells.number(firstP50(drift)),
                    Cells.number(lastP50(drift)), latency(drift), Cells.number(drift.rssAtFirstReadingMb()),
                    Cells.number(drift.rssAtEndMb())));
        }
        List<ColdStart.Drift> apiLives = lives.stream().filter(life -> life.subject().equals(api))
                .map(Life::drift).toList();
        double[] latencies = apiLives.stream().mapToDouble(DriftTable::latency).toArray();
        double latency = Cells.median(latencies);
        double rss = Cells.median(apiLives.stream().mapToDouble(d -> d.rssAtEndMb() / d.rssAtFirstReadingMb()).toArray());
        boolean met = latency <= FLAT && rss < FLAT;
        out.append(String.format(Locale.ROOT, "%n- API function: flat over %d calls (p50 of the last %d within 10 %%"
                        + " of calls %d–%d, RSS up less than 10 %%, medians of its %d lives): **%s** (p50 %.2f×,"
                        + " lives %s; RSS %.2f×)%n",
                apiLives.getFirst().callMs().length, WINDOW, WINDOW + 1, FIRST_READING, apiLives.size(),
                met ? "met" : "not met", latency, Arrays.stream(latencies)
                        .mapToObj(r -> String.format(Locale.ROOT, "%.2f×", r)).toList(), rss));
        return out.toString();
    }

    private static double latency(ColdStart.Drift drift) {
        return lastP50(drift) / firstP50(drift);
    }

    private static double firstP50(ColdStart.Drift drift) {
        return Cells.median(Arrays.copyOfRange(drift.callMs(), WINDOW, FIRST_READING));
    }

    private static double lastP50(ColdStart.Drift drift) {
        double[] calls = drift.callMs();
        return Cells.median(Arrays.copyOfRange(calls, calls.length - WINDOW, calls.length));
    }
}
