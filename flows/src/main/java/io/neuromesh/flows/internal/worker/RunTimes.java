package io.neuromesh.flows.internal.worker;

import java.time.Duration;
import java.util.Arrays;

/** Run times of the most recent tasks in a ring buffer, and their percentiles (nearest-rank method). */
final class RunTimes {

    private final long[] ring;
    private int next;
    private int size;

    RunTimes(int window) {
        if (window < 1) {
            throw new IllegalArgumentException("window: must be >= 1, got " + window);
        }
        this.ring = new long[window];
    }

    synchronized void record(Duration runTime) {
        ring[next] = runTime.toNanos();
        next = (next + 1) % ring.length;
        size = Math.min(size + 1, ring.length);
    }

    /** The percentiles (each 0 < p <= 100) of the recorded run times; zero when none is recorded. */
    Duration[] percentiles(double... ps) {
        long[] sorted;
        synchronized (this) {
            sorted = Arrays.copyOf(ring, size);
        }
        Arrays.sort(sorted);
        Duration[] out = new Duration[ps.length];
        for (int i = 0; i < ps.length; i++) {
            out[i] = Duration.ofNanos(percentile(sorted, ps[i]));
        }
        return out;
    }

    static long percentile(long[] sorted, double p) {
        if (!(p > 0 && p <= 100)) {
            throw new IllegalArgumentException("p: must be in (0, 100], got " + p);
        }
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
