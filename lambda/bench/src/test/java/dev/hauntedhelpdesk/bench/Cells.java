package dev.hauntedhelpdesk.bench;

import java.util.Arrays;
import java.util.Locale;

/** A table cell: the median of a column's values with their min–max, and ratios to a baseline. */
final class Cells {

    private Cells() {
    }

    static String medianRange(double[] values) {
        return number(median(values)) + " (" + number(Arrays.stream(values).min().orElseThrow()) + "–"
                + number(Arrays.stream(values).max().orElseThrow()) + ")";
    }

    static String number(double value) {
        if (value == Math.rint(value)) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        return String.format(Locale.ROOT, value >= 100 ? "%.0f" : value >= 1 ? "%.1f" : "%.2f", value);
    }

    static String ratio(double value) {
        return String.format(Locale.ROOT, "**%.2f×**", value);
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
