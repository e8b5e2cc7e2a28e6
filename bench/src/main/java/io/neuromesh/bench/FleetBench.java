package io.neuromesh.bench;

import io.neuromesh.bench.internal.broker.BrokerUnderTest;
import io.neuromesh.bench.internal.fleet.Revisions;
import io.neuromesh.bench.internal.scale.FleetScaleRun;
import io.neuromesh.bench.internal.scale.FleetTable;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The fleet benchmark behind {@code ./neuromesh bench --fleet 10,30,100}: for each fleet size, that many edge runtimes
 * in a few worker JVMs on one broker, a sparse network of auto-placed neurons applied, then broker traffic counted at
 * idle and per input, one node crashed, then ten at once, and the memory per runtime. Prints one row per size.
 *
 * @since 0.2
 */
public final class FleetBench {

    private FleetBench() {
    }

    /**
     * Runs every size in {@code options} on a broker started for it, printing progress and then the table to
     * {@code out}. Blocks the calling thread (minutes for 100 nodes on a 2-core machine).
     *
     * @return one row per size, in order
     * @throws Exception when a size cannot be measured (e.g. a node does not apply the network within 3 minutes)
     */
    public static List<FleetRow> run(FleetOptions options, PrintStream out) throws Exception {
        List<FleetRow> rows = new ArrayList<>();
        out.println("Neuromesh fleet bench: " + options.sizes() + " nodes, " + options.neurons() + " neurons, "
                + options.workers() + " worker JVMs, broker " + options.broker());
        try (BrokerUnderTest broker = BrokerUnderTest.start(options.broker())) {
            FleetScaleRun run = new FleetScaleRun(broker.uri(), broker.label(), new Revisions(), out);
            for (int size : options.sizes()) {
                out.println("- " + size + " nodes");
                out.flush();
                rows.add(run.measure(size, options.neurons(), options.workers(), options.heap(), options.idle(),
                        options.inputs()));
            }
        }
        out.println();
        out.print(table(rows));
        out.flush();
        return rows;
    }

    /** The rows as a plain-text table, one line per size, with a legend. */
    public static String table(List<FleetRow> rows) {
        return FleetTable.format(rows);
    }

    /**
     * What to measure, validated on construction.
     *
     * @param sizes   fleet sizes, in the order they run (each >= 2, so that a node can die)
     * @param neurons auto-placed neurons (>= 3)
     * @param broker  {@code embedded}, {@code mosquitto} or {@code tcp://host:port} of a broker of its own
     * @param workers worker JVMs per size (fewer when the fleet is smaller)
     * @param heap    each worker JVM's heap option at least, e.g. {@code -Xmx1g}; more when its runtimes need it (each
     *                holds the whole topology: 25 runtimes of 100,000 neurons get about 3 GB)
     * @param idle    how long idle traffic is counted
     * @param inputs  sensor inputs driven to count messages per input
     */
    public record FleetOptions(List<Integer> sizes, int neurons, String broker, int workers, String heap,
                               Duration idle, int inputs) {

        /** The defaults besides sizes, neurons and broker: 4 workers of 1 GB heap or more, 10 s idle, 1,000 inputs. */
        public static FleetOptions of(List<Integer> sizes, int neurons, String broker) {
            return new FleetOptions(sizes, neurons, broker, 4, "-Xmx1g", Duration.ofSeconds(10), 1_000);
        }

        /** Validates and copies; messages name the field. */
        public FleetOptions {
            if (sizes == null || sizes.isEmpty() || sizes.stream().anyMatch(s -> s == null || s < 2)) {
                throw new IllegalArgumentException("sizes: must list fleet sizes of 2 nodes or more, got " + sizes);
            }
            sizes = List.copyOf(sizes);
            if (neurons < 3) {
                throw new IllegalArgumentException("neurons: must be >= 3, got " + neurons);
            }
            broker = BenchOptions.builder().brokers(List.of(broker)).build().brokers().get(0);
            if (workers < 1) {
                throw new IllegalArgumentException("workers: must be >= 1, got " + workers);
            }
            if (heap == null || !heap.matches("-Xmx[0-9]+[kKmMgG]?")) {
                throw new IllegalArgumentException("heap: must be a -Xmx option, e.g. -Xmx1g, got " + heap);
            }
            if (idle == null || idle.isNegative() || idle.isZero()) {
                throw new IllegalArgumentException("idle: must be positive, got " + idle);
            }
            if (inputs < 1) {
                throw new IllegalArgumentException("inputs: must be >= 1, got " + inputs);
            }
        }
    }
}
