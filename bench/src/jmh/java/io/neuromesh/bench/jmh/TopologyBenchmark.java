package io.neuromesh.bench.jmh;

import io.neuromesh.bench.internal.fleet.Topologies;
import io.neuromesh.edge.internal.placement.Placement;
import io.neuromesh.topology.Topology;
import io.neuromesh.topology.TopologyDiff;
import io.neuromesh.topology.TopologyIndex;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * Topology work a runtime does per topology message: parse and validate (the XOR example and a generated document
 * of 10,000 neurons with two synapses each), index it (alone, and with the parse), its content hash, diff two
 * revisions of 10,000 neurons, and place 10,000 automatic neurons on 5 nodes and on 100 nodes (ids sharing a prefix,
 * and not).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TopologyBenchmark {

    private static final int NEURONS = 10_000;
    private static final List<String> NODES = List.of("n1", "n2", "n3", "n4", "n5");
    /*
     * Placement.assign returns the placement it computed a moment before for the same topology and nodes
     * (SharedPlacements keeps the latest two): the placement benchmarks take three node sets in turn, so that each
     * call computes one.
     */
    private static final List<List<String>> FIVE_NODES = fleets(5, "n%d");
    /** A fleet's node ids often share a prefix: {@code pi-001} ... {@code pi-102}. */
    private static final List<List<String>> HUNDRED_NODES = fleets(100, "pi-%03d");
    /** Ids sharing nothing: {@code 001-pi} ... {@code 102-pi}. */
    private static final List<List<String>> HUNDRED_UNRELATED_NODES = fleets(100, "%03d-pi");

    private byte[] xor;
    private byte[] tenThousand;
    private Topology before;
    private Topology after;
    private Topology automatic;
    private long turn;

    @Setup
    public void setUp() throws IOException {
        try (InputStream in = TopologyBenchmark.class.getResourceAsStream("/bench/xor.json")) {
            xor = in.readAllBytes();
        }
        tenThousand = Topologies.sparse(1, NEURONS, NODES, 10, 1).getBytes(StandardCharsets.UTF_8);
        before = Topology.parse(tenThousand);
        // Same neurons, other random synapses: a diff that touches most of the network.
        after = Topology.parse(Topologies.sparse(2, NEURONS, NODES, 10, 2));
        automatic = Topology.parse(Topologies.sparse(3, NEURONS, List.of(), 10, 3));
    }

    @Benchmark
    public Topology parseXor() {
        return Topology.parse(xor);
    }

    @Benchmark
    public Topology parseTenThousandNeurons() {
        return Topology.parse(tenThousand);
    }

    @Benchmark
    public TopologyIndex indexTenThousandNeurons() {
        return before.index();
    }

    @Benchmark
    public TopologyIndex parseAndIndexTenThousandNeurons() {
        return TopologyIndex.parse(tenThousand);
    }

    @Benchmark
    public String hashTenThousandNeurons() {
        return before.contentHash();
    }

    @Benchmark
    public TopologyDiff diffTenThousandNeurons() {
        return TopologyDiff.between(before, after);
    }

    @Benchmark
    public Placement placeTenThousandNeuronsOnFiveNodes() {
        return Placement.assign(automatic, next(FIVE_NODES));
    }

    @Benchmark
    public Placement placeTenThousandNeuronsOnHundredNodes() {
        return Placement.assign(automatic, next(HUNDRED_NODES));
    }

    @Benchmark
    public Placement placeTenThousandNeuronsOnHundredUnrelatedNodes() {
        return Placement.assign(automatic, next(HUNDRED_UNRELATED_NODES));
    }

    private List<String> next(List<List<String>> fleets) {
        return fleets.get((int) (turn++ % fleets.size()));
    }

    /** Three fleets of {@code size} nodes: ids 1 .. size, 2 .. size + 1 and 3 .. size + 2 in {@code format}. */
    private static List<List<String>> fleets(int size, String format) {
        return IntStream.range(1, 4).mapToObj(first -> IntStream.range(first, first + size)
                .mapToObj(i -> String.format(format, i)).toList()).toList();
    }
}
