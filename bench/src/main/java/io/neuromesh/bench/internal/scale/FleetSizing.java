package io.neuromesh.bench.internal.scale;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * How much heap a worker JVM gets and how long the fleet may take to apply, from the fleet's size. Every runtime
 * parses and holds the whole topology (measured: 73-102 MB of heap per runtime at 100,000 neurons), so a
 * worker hosting 25 runtimes of a 100-node fleet needs several gigabytes where 1 GB fits 8 runtimes of 10,000 neurons;
 * and on a 2-core machine the fleet's apply is every node's parse in turn, so its bound grows with nodes x neurons.
 * Such a worker is not an edge: it also gets another collector than the edges' ({@link #collector}).
 */
final class FleetSizing {

    /** Heap per runtime and neuron, with room for the parse's garbage (the document, its text and the drafts). */
    private static final long BYTES_PER_RUNTIME_NEURON = 1_200;
    private static final long BASE_MB = 256;
    private static final Duration APPLY_BASE = Duration.ofMinutes(3);
    /** Node-neurons applied per second at least, beyond the base bound (measured: about 30,000 on 2 cores). */
    private static final long NODE_NEURONS_PER_SECOND = 10_000;
    /** The largest worker heap collected as an edge's is (serial); a Pi's edge gets at most 512 MB. */
    private static final long SERIAL_MAX_MB = 1024;

    private FleetSizing() {
    }

    /**
     * @param floor          the worker heap option asked for, e.g. {@code -Xmx1g} (a lower bound)
     * @param runtimesPerJvm the most runtimes one worker JVM hosts
     * @param neurons        the topology's neurons
     * @return the {@code -Xmx} option: the floor, or more when the runtimes' topologies need it
     */
    static String heap(String floor, int runtimesPerJvm, int neurons) {
        long needed = BASE_MB + (long) runtimesPerJvm * neurons * BYTES_PER_RUNTIME_NEURON / (1024 * 1024);
        return needed <= megabytes(floor) ? floor : String.format(Locale.ROOT, "-Xmx%dm", needed);
    }

    /**
     * The collector options of a worker JVM with {@code heap}: none (the edges' serial collector, as the launchers
     * set it) up to 1 GB; G1, the JVM's own default for such heaps, above. 25 runtimes of 100,000 neurons receive
     * their 10 MB documents together, and the serial collector copied them from collection to collection on one
     * thread: pauses of 1-6 s, and full collections of up to 13.6 s, stopped all 25 runtimes at once (until a
     * worker's brain did not answer the bench within 60 s), which no fleet of one runtime per Pi sees. G1 places each
     * document in regions of its own and does not copy it in its young collections.
     */
    static List<String> collector(String heap) {
        return megabytes(heap) <= SERIAL_MAX_MB ? List.of() : List.of("-XX:-UseSerialGC", "-XX:+UseG1GC");
    }

    /** @return how long {@code nodes} may take to apply {@code neurons} before the bench gives up */
    static Duration applyBound(int nodes, int neurons) {
        return APPLY_BASE.plusSeconds((long) nodes * neurons / NODE_NEURONS_PER_SECOND);
    }

    private static long megabytes(String xmx) {
        String size = xmx.substring("-Xmx".length()).toLowerCase(Locale.ROOT);
        long unit = switch (size.charAt(size.length() - 1)) {
            case 'g' -> 1024L * 1024 * 1024;
            case 'm' -> 1024L * 1024;
            case 'k' -> 1024L;
            default -> 1L;
        };
        String digits = Character.isDigit(size.charAt(size.length() - 1)) ? size : size.substring(0, size.length() - 1);
        return Long.parseLong(digits) * unit / (1024 * 1024);
    }
}
