package io.neuromesh.edge.it;

import io.neuromesh.edge.EdgeConfig;
import io.neuromesh.edge.EdgeRuntime;
import io.neuromesh.edge.FleetClient;
import io.neuromesh.edge.GpioSetting;
import io.neuromesh.edge.Topics;
import io.neuromesh.edge.wire.OutputCodec;
import io.neuromesh.edge.wire.TopologyResult;
import io.neuromesh.edge.wire.TopologyResultCodec;
import io.neuromesh.edge.wire.WireFormatException;
import io.neuromesh.mqtt.MqttLink;
import io.neuromesh.mqtt.Qos;
import io.neuromesh.mqtt.Subscription;
import io.neuromesh.testkit.broker.BrokerKind;
import io.neuromesh.testkit.fleet.NodeStarter;
import io.neuromesh.testkit.fleet.Observer;
import io.neuromesh.testkit.fleet.TestFleet;
import io.neuromesh.topology.Topology;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The edge-runtime side of {@link TestFleet}: how to start an in-process runtime, and the XOR steps the ITs share
 * (apply a topology, set the sensors, wait for z to settle). Not a harness of its own: broker, nodes, observers and
 * shutdown are the testkit fleet's.
 */
final class EdgeFleet {

    static final List<String> NODES = List.of("n1", "n2", "n3");
    /** z has settled when no output changed for this long: longer than one wave through three runtimes. */
    static final Duration QUIET = Duration.ofMillis(150);
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private EdgeFleet() {
    }

    /** An in-process runtime with the given GPIO, started and online. */
    static NodeStarter<EdgeRuntime> runtimes(GpioSetting gpio) {
        return runtimes((name, config) -> config.gpio(gpio));
    }

    /**
     * An in-process runtime per node, started: its builder has the node's name and the fleet's broker, then
     * {@code configure} sets what the test needs (given the node's name).
     */
    static NodeStarter<EdgeRuntime> runtimes(BiConsumer<String, EdgeConfig.Builder> configure) {
        return (name, broker) -> {
            EdgeConfig.Builder config = EdgeRuntime.builder().node(name).broker(broker);
            configure.accept(name, config);
            EdgeRuntime runtime = config.build();
            runtime.start();
            return runtime;
        };
    }

    /** A fleet of three runtimes n1..n3 with the default GPIO setting on a fresh broker of {@code kind}. */
    static TestFleet<EdgeRuntime> xor(BrokerKind kind) {
        return started(TestFleet.builder(runtimes(GpioSetting.DEFAULT)).broker(kind).start());
    }

    /** Starts n1..n3 on {@code fleet}; closes the fleet if one does not start. */
    static TestFleet<EdgeRuntime> started(TestFleet<EdgeRuntime> fleet) {
        return fleet.with(f -> f.start(NODES.toArray(String[]::new)));
    }

    static FleetClient client(TestFleet<?> fleet) {
        return FleetClient.connect(URI.create(fleet.uri()), TIMEOUT);
    }

    /**
     * Publishes a topology through the fleet and waits until every node has published a result for rev
     * {@code rev} since (a retained result of an earlier publish does not count: it arrives before the publish).
     */
    static Map<String, TopologyResult> apply(TestFleet<?> fleet, byte[] json, long rev) {
        Observer results = fleet.observe(Topics.ALL_TOPOLOGY_RESULTS);
        int retained = results.history().size();
        fleet.publishTopology(json);
        Map<String, TopologyResult> reports = new TreeMap<>();
        await().atMost(TIMEOUT).until(() -> {
            for (Observer.Message message : results.history().subList(retained, results.history().size())) {
                TopologyResult result = TopologyResultCodec.decode(message.payload().getBytes(StandardCharsets.UTF_8));
                if (result.rev() == rev) {
                    reports.put(Topics.nodeOf(message.topic()), result);
                }
            }
            return reports.keySet().containsAll(NODES);
        });
        return reports;
    }

    /** Publishes a valid topology and waits, through the fleet client, until every node runs it. */
    static void applyOk(TestFleet<?> fleet, FleetClient client, byte[] json, long rev) {
        assertEquals(rev, Topology.parse(json).rev());
        applyOk(fleet, client, json, NODES, TIMEOUT);
    }

    /** Publishes a valid topology and waits, through the fleet client, until each of {@code nodes} runs it. */
    static void applyOk(TestFleet<?> fleet, FleetClient client, byte[] json, List<String> nodes, Duration timeout) {
        Topology topology = Topology.parse(json);
        fleet.publishTopology(json);
        Map<String, FleetClient.RolloutEvent> outcomes = client.awaitRollout(topology.rev(), topology.contentHash(),
                nodes, timeout, e -> { });
        outcomes.values().forEach(e -> assertEquals(FleetClient.RolloutEvent.Kind.APPLIED, e.kind(), e.toString()));
    }

    /**
     * Keeps each neuron's latest output value in {@code outputs} through {@code driver}, a client of the test's own
     * (e.g. one that reconnects faster than an {@link Observer}); call before the driver starts.
     */
    static void followOutputs(MqttLink driver, Map<String, Integer> outputs) {
        driver.subscribe(List.of(Subscription.of(Topics.ALL_OUTPUTS, Qos.AT_LEAST_ONCE)), Runnable::run,
                m -> outputs.put(Topics.neuronOf(m.topic()), valueOf(new String(m.payload(), StandardCharsets.UTF_8))));
    }

    /** The latest output value of {@code neuron} seen by {@code outputs} (an observer of neuron/+/output). */
    static Integer value(Observer outputs, String neuron) {
        return outputs.latest(Topics.output(neuron)).map(EdgeFleet::valueOf).orElse(null);
    }

    static int valueOf(String outputJson) {
        try {
            return OutputCodec.decode(outputJson.getBytes(java.nio.charset.StandardCharsets.UTF_8)).value();
        } catch (WireFormatException e) {
            throw new AssertionError("not an output: " + outputJson + ": " + e.getMessage(), e);
        }
    }

    /** Waits until {@code neuron} is {@code value} and no output changed for {@link #QUIET}. */
    static void awaitSettled(Observer outputs, String neuron, int value) {
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(10)).untilAsserted(() -> assertTrue(
                Integer.valueOf(value).equals(value(outputs, neuron)) && outputs.quietFor().compareTo(QUIET) >= 0,
                () -> neuron + " settles at " + value + "; outputs " + outputs.latest()));
    }

    /** Sets the two virtual sensors and waits until z settles at {@code expectedZ}. */
    static void expect(FleetClient client, Observer outputs, int x, int y, int expectedZ) {
        client.send("x", "sensor_x", x);
        client.send("y", "sensor_y", y);
        awaitSettled(outputs, "z", expectedZ);
    }

    /** Every transition between the four states of (x, y), each ending with z = x XOR y. */
    static void allTwelveTransitions(FleetClient client, Observer outputs) {
        int[][] states = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
        int transitions = 0;
        for (int[] from : states) {
            for (int[] to : states) {
                if (from == to) {
                    continue;
                }
                expect(client, outputs, from[0], from[1], from[0] ^ from[1]);
                expect(client, outputs, to[0], to[1], to[0] ^ to[1]);
                transitions++;
            }
        }
        assertEquals(12, transitions);
    }

    /** Drives z through 1 and back to 0 so that it has a published output to watch. */
    static void prime(FleetClient client, Observer outputs) {
        expect(client, outputs, 1, 0, 1);
        expect(client, outputs, 0, 0, 0);
    }
}
