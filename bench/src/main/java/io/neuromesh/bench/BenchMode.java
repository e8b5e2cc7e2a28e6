package io.neuromesh.bench;

/**
 * How long and how hard the benchmark runs. Every mode runs every scenario; they differ in samples, rounds and sizes.
 *
 * @since 0.1
 */
public enum BenchMode {
    /** A handful of samples and scaled-down sizes (2,000 instead of 100,000 neurons): only shows that it runs. */
    SMOKE,
    /** Fewer samples and rounds: the whole run takes under two minutes on a 2-core machine. */
    QUICK,
    /** Thousands of samples per latency and several rounds per throughput: several minutes. */
    FULL;

    /** The mode used when none is given. */
    public static final BenchMode DEFAULT = FULL;
}
