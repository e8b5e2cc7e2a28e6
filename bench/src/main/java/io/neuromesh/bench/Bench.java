package io.neuromesh.bench;

import io.neuromesh.bench.internal.run.BenchRun;

import java.io.PrintStream;
import java.util.List;

/**
 * The end-to-end benchmark behind {@code ./neuromesh bench}: starts the brokers and runtimes it needs, runs every
 * scenario several times, and prints one table with medians, 99th percentiles, targets and verdicts, the broker
 * floor measured in the same run, and the machine it ran on.
 *
 * <pre>{@code
 * BenchReport report = Bench.run(BenchOptions.builder().mode(BenchMode.QUICK).build(), System.out);
 * report.writeJson(Path.of("bench.json"));
 * }</pre>
 *
 * <p>A broker given by URL gets the benchmark's retained topologies on {@code neuromesh/topology} and nodes named
 * {@code bench-*}: point it at a broker of its own, never at a working fleet.
 *
 * @since 0.1
 */
public final class Bench {

    /**
     * The scenarios, in the order they run: the broker floor (one hop, QoS 0 and 1, and 1-to-1 throughput), a relay
     * chain of 10 neurons over 2 runtimes, XOR over 3 runtimes, one runtime relaying inputs, 100,000 neurons in a
     * 512 MB heap, applying a topology of 10,000 neurons over 3 runtimes, an edge runtime's start in a new JVM, and
     * task flows (no-op tasks, word count).
     */
    public static final List<String> SCENARIOS = List.of("floor", "relay-chain", "xor", "relay-throughput", "100k",
            "apply-10k", "edge-start", "flows-noop", "flows-wordcount");

    /**
     * The sparse-traffic scenario, run only when named ({@code --only sparse}, {@code ./neuromesh bench --sparse}):
     * edge runtimes as separate OS processes, one input per gap, XOR over 3 nodes and on 1 node and a chain of 10
     * over 2 nodes against the one-hop floor of the same driver, XOR with 50 ms ticks against the eager one, and each
     * edge process's CPU and memory.
     */
    public static final String SPARSE = "sparse";

    private Bench() {
    }

    /**
     * Runs the selected scenarios and prints progress lines, then the table, to {@code out}. Blocks the calling
     * thread for the whole run (under two minutes in {@link BenchMode#QUICK} on a 2-core machine). A scenario that
     * breaks becomes a {@link Verdict#FAILED} row; the others still run.
     *
     * @param options what to measure and where
     * @param out     where progress and the table go
     * @return every measurement, also for {@link BenchReport#writeJson}
     */
    public static BenchReport run(BenchOptions options, PrintStream out) {
        return new BenchRun(options, out).run();
    }
}
