package io.neuromesh.bench.internal.fleet;

import io.neuromesh.topology.Defaults;
import io.neuromesh.topology.NeuronSpec;
import io.neuromesh.topology.SensorSpec;
import io.neuromesh.topology.SynapseSpec;
import io.neuromesh.topology.Topology;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;

/** The topologies the scenarios publish. */
public final class Topologies {

    /** Threshold of every generated neuron: one input of weight 1 fires it, one of 0.4 does not. */
    private static final double THRESHOLD = 0.9;
    private static final double EDITED_THRESHOLD = 0.85;

    private Topologies() {
    }

    /**
     * The repository's {@code examples/xor.json} (a copy ships in this jar), at {@code rev}, with its nodes n1, n2,
     * n3 renamed {@code <prefix>n1} ... so that a bench never takes over a real node's id.
     */
    public static String xor(long rev, String nodePrefix) {
        return xor(rev, node -> nodePrefix + node);
    }

    /** The repository's {@code examples/xor.json} at {@code rev}, each neuron on {@code rename} of its node. */
    public static String xor(long rev, UnaryOperator<String> rename) {
        Topology xor;
        try (InputStream in = Topologies.class.getResourceAsStream("/bench/xor.json")) {
            if (in == null) {
                throw new IllegalStateException("bench/xor.json is missing from the class path");
            }
            xor = Topology.parse(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<NeuronSpec> neurons = xor.neurons().stream().map(n -> new NeuronSpec(n.id(), rename.apply(n.node()),
                n.threshold(), n.mode(), n.inputWindow(), n.refractory(), n.requires())).toList();
        return new Topology(rev, xor.name(), xor.defaults(), xor.nodes(), xor.sensors(), neurons, xor.synapses(),
                xor.actuators()).toJson();
    }

    /**
     * A chain {@code sensor -> r0 -> r1 -> ... -> r<length-1>} of level neurons, neuron {@code i} pinned to
     * {@code nodes[i % nodes.size()]}: every hop crosses the broker when there are two nodes or more.
     */
    public static String chain(long rev, String sensor, int length, List<String> nodes) {
        return chain(rev, sensor, length, nodes, 0);
    }

    /**
     * The {@link #chain} with {@code idle} more level neurons pinned to the first node, with no synapse: they are
     * hosted and subscribed but never get an input ({@link #neuronId} ids).
     */
    public static String chain(long rev, String sensor, int length, List<String> nodes, int idle) {
        List<NeuronSpec> neurons = new ArrayList<>();
        List<SynapseSpec> synapses = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            neurons.add(NeuronSpec.level("r" + i, nodes.get(i % nodes.size()), THRESHOLD));
            synapses.add(new SynapseSpec(i == 0 ? sensor : "r" + (i - 1), "r" + i, 1));
        }
        for (int i = 0; i < idle; i++) {
            neurons.add(NeuronSpec.level(neuronId(i), nodes.getFirst(), THRESHOLD));
        }
        return new Topology(rev, "bench-chain", Defaults.STANDARD, List.of(), List.of(SensorSpec.virtual(sensor)),
                neurons, synapses, List.of()).toJson();
    }

    /**
     * {@code feed -> relay -> sink}: only {@code relay} runs (on {@code node}); {@code feed} and {@code sink} are
     * pinned to {@code absentNode}, where nothing runs, so the bench publishes as {@code feed} and counts what
     * {@code relay} sends to {@code sink}'s input topic.
     */
    public static String relay(long rev, String node, String absentNode) {
        List<NeuronSpec> neurons = List.of(NeuronSpec.level("feed", absentNode, THRESHOLD),
                NeuronSpec.level("relay", node, THRESHOLD), NeuronSpec.level("sink", absentNode, THRESHOLD));
        List<SynapseSpec> synapses = List.of(new SynapseSpec("feed", "relay", 1), new SynapseSpec("relay", "sink", 1));
        return new Topology(rev, "bench-relay", Defaults.STANDARD, List.of(), List.of(), neurons, synapses, List.of())
                .toJson();
    }

    /** Id of generated neuron {@code i}: {@code n} and {@code i} in base 36, short to keep big documents small. */
    public static String neuronId(int i) {
        return "n" + Integer.toString(i, 36);
    }

    /** Id of generated sensor {@code j}. */
    public static String sensorId(int j) {
        return "s" + j;
    }

    /** The neuron generated sensor {@code j} of {@code sensors} feeds, in a topology of {@code neurons}. */
    public static int fedBy(int j, int neurons, int sensors) {
        return (int) ((long) j * neurons / sensors);
    }

    /**
     * A random sparse network: {@code neurons} level neurons pinned round-robin to {@code nodes} (placed
     * automatically when {@code nodes} is empty), each with two
     * synapses to two other random neurons (weight 1 for 30% of them, 0.4 for the rest, so activity dies out
     * instead of sweeping the whole network), and {@code sensors} virtual sensors, sensor {@code j} feeding neuron
     * {@link #fedBy}. The same seed gives the same document. Written directly as compact JSON: 100,000 neurons take
     * about 12 MB, under the 16 MiB limit.
     */
    public static String sparse(long rev, int neurons, List<String> nodes, int sensors, long seed) {
        return sparse(rev, neurons, nodes, sensors, seed, THRESHOLD);
    }

    /**
     * The {@link #sparse} network of the same seed with every neuron's threshold changed (its default): an edit of
     * the whole running network that moves no neuron.
     */
    public static String sparseEdited(long rev, int neurons, List<String> nodes, int sensors, long seed) {
        return sparse(rev, neurons, nodes, sensors, seed, EDITED_THRESHOLD);
    }

    private static String sparse(long rev, int neurons, List<String> nodes, int sensors, long seed,
                                 double threshold) {
        if (neurons < 3) {
            throw new IllegalArgumentException("neurons: must be >= 3, got " + neurons);
        }
        Random random = new Random(seed);
        StringBuilder json = new StringBuilder(neurons * 130);
        json.append("{\"rev\":").append(rev).append(",\"name\":\"bench-sparse\",\"defaults\":{\"threshold\":")
                .append(threshold).append(",\"mode\":\"level\"},\"sensors\":[");
        for (int j = 0; j < sensors; j++) {
            json.append(j == 0 ? "" : ",").append("{\"id\":\"").append(sensorId(j)).append("\"}");
        }
        json.append("],\"neurons\":[");
        for (int i = 0; i < neurons; i++) {
            json.append(i == 0 ? "" : ",").append("{\"id\":\"").append(neuronId(i)).append('"');
            if (!nodes.isEmpty()) {
                json.append(",\"node\":\"").append(nodes.get(i % nodes.size())).append('"');
            }
            json.append('}');
        }
        json.append("],\"synapses\":[");
        for (int j = 0; j < sensors; j++) {
            synapse(json, j == 0, sensorId(j), neuronId(fedBy(j, neurons, sensors)), "1");
        }
        boolean first = sensors == 0;
        for (int i = 0; i < neurons; i++) {
            int a = other(random, neurons, i, -1);
            int b = other(random, neurons, i, a);
            synapse(json, first, neuronId(i), neuronId(a), random.nextDouble() < 0.3 ? "1" : "0.4");
            synapse(json, false, neuronId(i), neuronId(b), random.nextDouble() < 0.3 ? "1" : "0.4");
            first = false;
        }
        return json.append("]}").toString();
    }

    private static int other(Random random, int neurons, int self, int taken) {
        while (true) {
            int candidate = random.nextInt(neurons);
            if (candidate != self && candidate != taken) {
                return candidate;
            }
        }
    }

    private static void synapse(StringBuilder json, boolean first, String from, String to, String weight) {
        json.append(first ? "" : ",").append("{\"from\":\"").append(from).append("\",\"to\":\"").append(to)
                .append("\",\"weight\":").append(weight).append('}');
    }
}
