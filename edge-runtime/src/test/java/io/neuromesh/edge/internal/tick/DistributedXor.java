package io.neuromesh.edge.internal.tick;

import io.neuromesh.edge.internal.neuron.Neuron;
import io.neuromesh.topology.NeuronMode;
import io.neuromesh.topology.NeuronSpec;
import io.neuromesh.topology.Topology;
import io.neuromesh.topology.TopologyIndex;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The XOR topology in discrete time with every neuron on a node of its own, and MQTT between them modelled as what it
 * guarantees: one FIFO channel per publisher and topic, nothing about the order between channels. A test picks which
 * channel delivers next, so it can walk through every delivery order. The clock is a field the test sets.
 */
final class DistributedXor {

    static final Duration TICK = Duration.ofMillis(100);
    static final TickTime TIME = TickTime.of(TICK);
    /** Where the clock starts: a whole tick, far from epoch 0 (epoch microseconds). */
    static final long START = 1_767_225_600_000_000L;
    static final String DRIVER = "driver";

    /** One message in flight: {@code value} NaN is a progress note. */
    record Message(String to, String from, long tick, double value, long sourceMicros) {
    }

    /** A z output as the fleet published it. */
    record Output(long tick, int value) {
    }

    private final TopologyIndex index;
    private final Map<String, TickedNetwork> nodes = new LinkedHashMap<>();
    private final Map<String, ArrayDeque<Message>> channels = new LinkedHashMap<>();
    final List<Output> zOutputs = new ArrayList<>();
    int gaveUp;
    long now = START;

    DistributedXor(NeuronMode mode) {
        String json = """
                {"rev":1,"tickMs":100,"defaults":{"threshold":0.9,"mode":"%s"},
                 "sensors":[{"id":"sensor_x"},{"id":"sensor_y"}],
                 "neurons":[{"id":"x"},{"id":"y"},{"id":"h1"},{"id":"h2","threshold":1.9},{"id":"h3"},{"id":"z"}],
                 "synapses":[{"from":"sensor_x","to":"x","weight":1},{"from":"sensor_y","to":"y","weight":1},
                   {"from":"x","to":"h1","weight":1},{"from":"x","to":"h2","weight":1},{"from":"y","to":"h2","weight":1},
                   {"from":"y","to":"h3","weight":1},{"from":"h1","to":"z","weight":1},{"from":"h2","to":"z","weight":-2},
                   {"from":"h3","to":"z","weight":1}]}
                """.formatted(mode.name().toLowerCase());
        index = Topology.parse(json).index();
        for (NeuronSpec spec : index.topology().neurons()) {
            String id = spec.id();
            TickedNetwork node = new TickedNetwork(TIME, sink(id));
            Map<String, Double> weights = new LinkedHashMap<>();
            index.incoming(id).forEach(in -> weights.put(in.from(), in.weight()));
            node.host(new Neuron(id, spec.mode(), spec.threshold(), spec.inputWindow(), spec.refractory(), weights, 64),
                    index, now);
            nodes.put(id, node);
        }
    }

    private TickedNetwork.Sink sink(String node) {
        return new TickedNetwork.Sink() {
            @Override
            public void output(String neuron, int value, long tick) {
                if (neuron.equals("z")) {
                    zOutputs.add(new Output(tick, value));
                }
            }

            @Override
            public void send(String to, String from, long tick, double value) {
                enqueue(node, new Message(to, from, tick, value, TIME.startMicros(tick)));
            }

            @Override
            public void applied(String neuron, long tick) {
                // Nothing keeps sensor state here: the replay (or test) holds every neuron.
            }

            @Override
            public void gaveUp(String neuron, long tick, List<String> upstream) {
                gaveUp++;
            }
        };
    }

    private void enqueue(String publisher, Message message) {
        channels.computeIfAbsent(publisher + ">" + message.to(), k -> new ArrayDeque<>()).add(message);
    }

    /** The driver publishes a sensor's value, stamped {@code sourceMicros}; it is in flight until delivered. */
    void sense(String sensor, double value, long sourceMicros) {
        String to = sensor.equals("sensor_x") ? "x" : "y";
        enqueue(DRIVER, new Message(to, sensor, TIME.tickOf(sourceMicros), value, sourceMicros));
    }

    /** @return the channels with a message in flight, in a stable order */
    List<String> busyChannels() {
        return channels.entrySet().stream().filter(e -> !e.getValue().isEmpty()).map(Map.Entry::getKey).toList();
    }

    boolean sensorsInFlight() {
        return busyChannels().stream().anyMatch(c -> c.startsWith(DRIVER + ">"));
    }

    /** Delivers the head of {@code channel} to its node, which handles it at the current clock. */
    void deliver(String channel) {
        Message m = channels.get(channel).poll();
        TickedNetwork node = nodes.get(m.to());
        if (Double.isNaN(m.value())) {
            node.progress(m.to(), m.from(), m.tick(), now);
        } else {
            node.input(m.to(), m.from(), m.value(), m.tick(), m.sourceMicros(), now);
        }
    }

    /** Every node sends its heartbeat. */
    void heartbeat() {
        nodes.values().forEach(node -> node.heartbeat(now));
    }

    /** Delivers everything in flight in one fixed order, heartbeats included, until nothing is left. */
    void quiesce() {
        heartbeat();
        for (List<String> busy = busyChannels(); !busy.isEmpty(); busy = busyChannels()) {
            busy.forEach(this::deliver);
        }
    }

    /** Lets {@code ticks} ticks pass, one at a time, with heartbeats and deliveries after each. */
    void idle(int ticks) {
        for (int i = 0; i < ticks; i++) {
            now += TIME.length().toNanos() / 1000;
            quiesce();
        }
    }

    TickedNeuron engineOf(String neuron) {
        return nodes.get(neuron).engine(neuron);
    }

    Message peek(String channel) {
        return channels.get(channel).peek();
    }

    int output(String neuron) {
        return nodes.get(neuron).engine(neuron).neuron().output();
    }

    long late() {
        return nodes.values().stream().mapToLong(n -> n.engine(nodeOf(n)).late()).sum();
    }

    private String nodeOf(TickedNetwork node) {
        return nodes.entrySet().stream().filter(e -> e.getValue() == node).findFirst().orElseThrow().getKey();
    }
}
