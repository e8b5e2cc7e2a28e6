package io.neuromesh.bench.internal.run;

import io.neuromesh.bench.BenchMode;

import java.time.Duration;

/**
 * Samples, rounds and sizes of every scenario for one {@link BenchMode}. Warm-up samples are taken and dropped
 * before the counted ones.
 *
 * @param floorWarmup         one-hop samples dropped per QoS
 * @param floorSamples        one-hop samples counted per QoS
 * @param floorMessages       messages per 1-to-1 QoS 0 throughput round
 * @param floorRounds         throughput rounds (the median is reported)
 * @param chainWarmup         relay-chain toggles dropped
 * @param chainSamples        relay-chain toggles counted
 * @param xorWarmup           XOR transitions dropped
 * @param xorSamples          XOR transitions counted
 * @param relayInputs         inputs per relay-throughput round
 * @param relayRounds         relay-throughput rounds
 * @param relayWindow         relay-throughput inputs outstanding at most (below the neuron inbox of 1,000)
 * @param bigNeurons          neurons of the big-runtime scenario (100,000 except in smoke mode)
 * @param bigInputs           inputs driven into it once applied
 * @param applyNeurons        neurons of the apply scenario (10,000 except in smoke mode)
 * @param applyRuns           apply runs
 * @param edgeStarts          edge JVM starts
 * @param noopTasks           no-op tasks per round
 * @param noopRounds          no-op rounds (after one warm-up round of a quarter of the tasks)
 * @param wordcountRounds     word-count rounds (after one warm-up round)
 * @param sparseWarmup        sparse inputs dropped per measurement (also warms up the edge processes' JIT)
 * @param sparseSamples       sparse inputs counted per measurement (fewer for long gaps: see {@link #sparseSamples(Duration)})
 * @param latencyTimeout      longest wait for one latency sample before the scenario fails
 */
public record Scale(int floorWarmup, int floorSamples, int floorMessages, int floorRounds, int chainWarmup,
                    int chainSamples, int xorWarmup, int xorSamples, int relayInputs, int relayRounds, int relayWindow,
                    int bigNeurons, int bigInputs, int applyNeurons, int applyRuns, int edgeStarts, int noopTasks,
                    int noopRounds, int wordcountRounds, int sparseWarmup, int sparseSamples,
                    Duration latencyTimeout) {

    /** A measurement of sparse inputs takes at most about this long, unless that leaves fewer than 100 samples. */
    private static final Duration SPARSE_BUDGET = Duration.ofSeconds(20);

    /** The scale of a mode. */
    public static Scale of(BenchMode mode) {
        Duration timeout = Duration.ofSeconds(5);
        return switch (mode) {
            case SMOKE -> new Scale(10, 30, 2_000, 1, 4, 10, 4, 12, 1_000, 1, 500, 2_000, 100, 300, 1, 1, 300, 1, 1, 20,
                    30, timeout);
            case QUICK -> new Scale(300, 1_000, 50_000, 2, 40, 200, 40, 200, 30_000, 2, 500, 100_000, 2_000, 10_000,
                    3, 3, 20_000, 2, 2, 100, 200, timeout);
            case FULL -> new Scale(1_000, 5_000, 200_000, 3, 200, 1_000, 200, 1_000, 100_000, 5, 500, 100_000, 5_000,
                    10_000, 5, 5, 50_000, 3, 5, 200, 400, timeout);
        };
    }

    /** The sparse samples for {@code gap}: {@link #sparseSamples()}, fewer when the gaps alone would take long. */
    public int sparseSamples(Duration gap) {
        long fit = SPARSE_BUDGET.toNanos() / Math.max(1, gap.toNanos());
        return (int) Math.min(sparseSamples, Math.max(Math.min(100, sparseSamples), fit));
    }
}
