package io.neuromesh.bench.internal.scale;

import io.neuromesh.bench.FleetRow;
import io.neuromesh.bench.internal.fleet.BenchFleet;
import io.neuromesh.bench.internal.fleet.Links;
import io.neuromesh.bench.internal.fleet.Revisions;
import io.neuromesh.bench.internal.fleet.Topologies;
import io.neuromesh.bench.internal.report.Durations;
import io.neuromesh.edge.Topics;
import io.neuromesh.edge.wire.Input;
import io.neuromesh.edge.wire.InputCodec;
import io.neuromesh.mqtt.MqttLink;
import io.neuromesh.mqtt.Qos;

import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;

/**
 * One fleet size measured: N runtimes in worker JVMs, a sparse network of auto-placed neurons applied, idle and
 * per-input broker traffic counted, one node crashed, then up to ten at once, and the workers' memory.
 */
public final class FleetScaleRun {

    private static final int SENSORS = 100;
    private static final long SEED = 42;
    private static final Duration AGREE = Duration.ofSeconds(90);
    private static final Duration POLL = Duration.ofMillis(100);
    /** The longest wait for the apply's tail (the restored neurons' first outputs) to end before idle is counted. */
    private static final Duration QUIET = Duration.ofSeconds(60);
    private static final int MANY = 10;

    private final URI broker;
    private final String label;
    private final Revisions revisions;
    private final PrintStream out;

    /** A run on {@code broker} (shown as {@code label}), numbering topologies with {@code revisions}. */
    public FleetScaleRun(URI broker, String label, Revisions revisions, PrintStream out) {
        this.broker = broker;
        this.label = label;
        this.revisions = revisions;
        this.out = out;
    }

    /** Measures {@code size} nodes hosting {@code neurons} in {@code workers} JVMs, counting idle traffic over {@code idle}. */
    public FleetRow measure(int size, int neurons, int workers, String heap, Duration idle, int inputs)
            throws Exception {
        List<String> nodes = IntStream.range(0, size).mapToObj(i -> "bench-n" + size + "-" + i).toList();
        List<String> ids = IntStream.range(0, neurons).mapToObj(Topologies::neuronId).toList();
        long expected = HostingCheck.hash(ids);
        int jvms = Math.min(workers, size);
        String jvmHeap = FleetSizing.heap(heap, (size + jvms - 1) / jvms, neurons);
        say(size + " nodes in " + jvms + " JVMs (" + jvmHeap + (FleetSizing.collector(jvmHeap).isEmpty() ? "" : ", G1")
                + " each), " + neurons + " neurons on " + label);
        try (FleetWorkers fleet = FleetWorkers.start(broker, nodes, jvms, jvmHeap);
             BenchFleet operator = new BenchFleet(broker, revisions);
             MessageCounter counter = new MessageCounter(broker);
             MqttLink publisher = Links.connect(broker, "fleet-pub")) {
            long rev = revisions.next();
            String topology = Topologies.sparse(rev, neurons, List.of(), SENSORS, SEED);
            long start = System.nanoTime();
            Duration applied = operator.apply(topology, rev, nodes, FleetSizing.applyBound(size, neurons));
            Duration hosted = agree(fleet, rev, size, neurons, expected) == null ? null
                    : Duration.ofNanos(System.nanoTime() - start);
            say("applied by every node in " + Durations.format(applied) + ", hosted exactly once "
                    + (hosted == null ? "never (within " + AGREE.toSeconds() + " s)" : "in " + Durations.format(hosted)));

            Duration quiet = awaitQuiet(counter, neurons);
            say("quiet (every neuron's first output seen, then nothing but statuses for 1 s) " + Durations.format(quiet) + " later");
            long all0 = counter.all();
            long status0 = counter.statuses();
            long statusBytes0 = counter.statusBytes();
            long idleStart = System.nanoTime();
            Thread.sleep(idle.toMillis());
            double idleSeconds = (System.nanoTime() - idleStart) / 1e9;
            double idleRate = (counter.all() - all0) / idleSeconds;
            double statusRate = (counter.statuses() - status0) / idleSeconds;
            double statusBytesRate = (counter.statusBytes() - statusBytes0) / idleSeconds;
            say(String.format(Locale.ROOT, "idle: %.1f msg/s published (%.1f status/s, %.0f status bytes/s)",
                    idleRate, statusRate, statusBytesRate));

            double perInput = perInput(counter, publisher, neurons, inputs, idleRate);
            say(String.format(Locale.ROOT, "%.2f broker messages per input", perInput));

            // A live edit of the whole network: every node parses, hashes and indexes the new document, and
            // updates its neurons in place (the placement is the same: nothing moves, nothing is restored).
            long editRev = revisions.next();
            Duration edited = operator.apply(Topologies.sparseEdited(editRev, neurons, List.of(), SENSORS, SEED),
                    editRev, nodes, FleetSizing.applyBound(size, neurons));
            say("an edit of every neuron's threshold (rev " + editRev + ") applied by every node in "
                    + Durations.format(edited));
            rev = editRev;

            FleetWorkers.Mem mem = fleet.memory();

            List<String> live = new ArrayList<>(nodes);
            Outage one = outage(fleet, live, List.of(nodes.get(0)), rev, neurons, expected);
            say("1 node down: agreed in " + one.describe());
            int many = Math.min(MANY, live.size() - 1);
            List<String> victims = live.subList(0, many).stream().toList();
            Outage ten = outage(fleet, live, victims, rev, neurons, expected);
            say(many + " nodes down: agreed in " + ten.describe());
            return new FleetRow(size, neurons, label, jvms, applied, hosted, edited, one.agreed, one.moved, one.ideal,
                    many, ten.agreed, ten.moved, ten.ideal, idleRate, statusRate, statusBytesRate, perInput,
                    mem.heap() / mem.runtimes(), mem.rss() / mem.runtimes());
        }
    }

    /** Crashes {@code victims}, waits until the others host everything exactly once, and counts what moved. */
    private Outage outage(FleetWorkers fleet, List<String> live, List<String> victims, long rev, int neurons,
                          long expected) throws InterruptedException, TimeoutException {
        fleet.mark();
        long lost = fleet.state().stream().filter(s -> victims.contains(s.node())).mapToLong(FleetWorkers.NodeState::hosted)
                .sum();
        long start = System.nanoTime();
        fleet.kill(victims);
        live.removeAll(victims);
        Duration agreed = agree(fleet, rev, live.size(), neurons, expected);
        Duration took = agreed == null ? null : Duration.ofNanos(System.nanoTime() - start);
        return new Outage(took, fleet.gained(), lost);
    }

    /** When {@code live} nodes all run {@code rev} and host every neuron exactly once; null if not within the bound. */
    private static Duration agree(FleetWorkers fleet, long rev, int live, int neurons, long expected)
            throws InterruptedException, TimeoutException {
        long start = System.nanoTime();
        while (System.nanoTime() - start < AGREE.toNanos()) {
            List<FleetWorkers.NodeState> states = fleet.state();
            boolean same = states.size() == live && states.stream().allMatch(s -> s.rev() == rev);
            long hosted = states.stream().mapToLong(FleetWorkers.NodeState::hosted).sum();
            long hash = states.stream().mapToLong(FleetWorkers.NodeState::hash).sum();
            if (same && hosted == neurons && hash == expected) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
            Thread.sleep(POLL.toMillis());
        }
        return null;
    }

    /**
     * Waits until every neuron has published an output (its resting 0 or a value) and then one second passes in
     * which nothing but statuses is published, at most {@link #QUIET}: the fleet agrees as soon as every neuron is
     * hosted once, while the nodes still publish their neurons' first outputs, which is not idle traffic. Those go
     * out in slices after each node's apply, and a node that waits for a core may publish none for a second, so a
     * quiet second alone is not the end of them (seen with 100,000 neurons over 4 nodes on 2 cores).
     *
     * @return how long it waited
     */
    private static Duration awaitQuiet(MessageCounter counter, int neurons) throws InterruptedException {
        long start = System.nanoTime();
        while (System.nanoTime() - start < QUIET.toNanos()) {
            long others = counter.all() - counter.statuses();
            Thread.sleep(1_000);
            if (counter.outputs() >= neurons && counter.all() - counter.statuses() == others) {
                break;
            }
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /**
     * Broker messages per sensor input: {@code inputs} inputs to the neurons the sensors feed (values alternating, so
     * each one changes its neuron), then what the counter saw until two seconds after the last, minus the idle rate
     * over that time.
     */
    private static double perInput(MessageCounter counter, MqttLink publisher, int neurons, int inputs,
                                   double idleRate) throws InterruptedException {
        long before = counter.all();
        long start = System.nanoTime();
        for (int k = 0; k < inputs; k++) {
            int sensor = k % SENSORS;
            byte[] payload = InputCodec.encode(Input.of(Topologies.sensorId(sensor), (k / SENSORS + 1) % 2));
            publisher.publish(Topics.input(Topologies.neuronId(Topologies.fedBy(sensor, neurons, SENSORS))), payload,
                    Qos.AT_LEAST_ONCE, false);
        }
        // Two seconds after the last input: the generated network's cascades die out within a few hops (70% of its
        // synapses cannot fire a neuron alone), each hop a few milliseconds.
        Thread.sleep(2_000);
        double seconds = (System.nanoTime() - start) / 1e9;
        return (counter.all() - before - idleRate * seconds) / inputs;
    }

    private void say(String line) {
        out.println("    " + line);
        out.flush();
    }

    /** What one outage showed: time to agree (null if never), neurons moved, neurons the dead nodes hosted. */
    private record Outage(Duration agreed, long moved, long ideal) {
        String describe() {
            return (agreed == null ? "never (within " + AGREE.toSeconds() + " s)" : Durations.format(agreed))
                    + ", " + moved + " neurons moved (the dead nodes hosted " + ideal + ")";
        }
    }
}
