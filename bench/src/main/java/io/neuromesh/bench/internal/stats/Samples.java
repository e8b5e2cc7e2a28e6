package io.neuromesh.bench.internal.stats;

import java.time.Duration;
import java.util.Arrays;

/**
 * Timings in nanoseconds and their percentiles (nearest rank). A growable array, no histogram library: the bench
 * keeps at most a few thousand samples per measurement. Not thread-safe.
 */
public final class Samples {

    private long[] nanos = new long[64];
    private int size;

    /** Adds one timing in nanoseconds. */
    public void add(long elapsedNanos) {
        if (size == nanos.length) {
            nanos = Arrays.copyOf(nanos, size * 2);
        }
        nanos[size++] = elapsedNanos;
    }

    /** Adds one timing. */
    public void add(Duration elapsed) {
        add(elapsed.toNanos());
    }

    /** How many timings were added. */
    public int size() {
        return size;
    }

    /**
     * The nearest-rank percentile: the smallest sample such that at least {@code percent}% of the samples are at or
     * below it (so p99 of fewer than 100 samples is the maximum).
     *
     * @param percent 0 (exclusive) to 100 (inclusive)
     * @throws IllegalStateException when there are no samples
     */
    public Duration percentile(double percent) {
        if (!(percent > 0 && percent <= 100)) {
            throw new IllegalArgumentException("percent: must be in (0, 100], got " + percent);
        }
        if (size == 0) {
            throw new IllegalStateException("no samples");
        }
        long[] sorted = Arrays.copyOf(nanos, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent / 100 * size);
        return Duration.ofNanos(sorted[Math.max(0, rank - 1)]);
    }

    /** The median. */
    public Duration p50() {
        return percentile(50);
    }

    /** The 99th percentile. */
    public Duration p99() {
        return percentile(99);
    }

    /** The median of non-empty {@code values} (nearest rank, like {@link #percentile}). */
    public static double median(double[] values) {
        if (values.length == 0) {
            throw new IllegalStateException("no values");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.ceil(0.5 * sorted.length) - 1];
    }
}
