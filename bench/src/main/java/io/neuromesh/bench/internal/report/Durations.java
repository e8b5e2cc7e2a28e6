package io.neuromesh.bench.internal.report;

import java.time.Duration;
import java.util.Locale;

/** Human formats of durations and numbers for the table and the notes. */
public final class Durations {

    private Durations() {
    }

    /** {@code 0.112 ms}, {@code 12.4 ms}, {@code 1.32 s}: three significant digits, the unit that reads best. */
    public static String format(Duration duration) {
        double ms = duration.toNanos() / 1e6;
        if (ms < 1) {
            return String.format(Locale.ROOT, "%.3f ms", ms);
        }
        if (ms < 10) {
            return String.format(Locale.ROOT, "%.2f ms", ms);
        }
        if (ms < 1000) {
            return String.format(Locale.ROOT, "%.1f ms", ms);
        }
        return String.format(Locale.ROOT, "%.2f s", ms / 1000);
    }

    /** Milliseconds with microsecond resolution, for JSON. */
    public static double millis(Duration duration) {
        return Math.round(duration.toNanos() / 1e3) / 1e3;
    }

    /** {@code 31,204} or {@code 0.58}: grouped integers for large numbers, two decimals for small ones. */
    public static String number(double value) {
        if (Math.abs(value) >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
