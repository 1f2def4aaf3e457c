package dev.hauntedhelpdesk.health;

/** The {@code latency_ms} every dependency's health reports: milliseconds, to a tenth. */
public final class Latency {

    private Latency() {
    }

    /** Milliseconds since {@code startedNanos}, a {@link System#nanoTime()} reading. */
    public static double since(long startedNanos) {
        return Math.round((System.nanoTime() - startedNanos) / 100_000.0) / 10.0;
    }

    /** A duration measured elsewhere, in nanoseconds, as milliseconds to a tenth. */
    public static double ofNanos(long nanos) {
        return Math.round(nanos / 100_000.0) / 10.0;
    }
}
