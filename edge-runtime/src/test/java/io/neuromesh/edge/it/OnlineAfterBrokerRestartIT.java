package io.neuromesh.edge.it;

import io.neuromesh.edge.EdgeRuntime;
import io.neuromesh.edge.FleetClient;
import io.neuromesh.edge.GpioSetting;
import io.neuromesh.edge.Topics;
import io.neuromesh.edge.wire.Input;
import io.neuromesh.edge.wire.InputCodec;
import io.neuromesh.edge.wire.NodeState;
import io.neuromesh.edge.wire.NodeStatus;
import io.neuromesh.edge.wire.NodeStatusCodec;
import io.neuromesh.edge.wire.WireFormatException;
import io.neuromesh.mqtt.LinkConfig;
import io.neuromesh.mqtt.MqttLink;
import io.neuromesh.mqtt.Qos;
import io.neuromesh.mqtt.Subscription;
import io.neuromesh.testkit.broker.BrokerKind;
import io.neuromesh.testkit.fleet.NodeStarter;
import io.neuromesh.testkit.fleet.TestFleet;
import io.neuromesh.topology.Defaults;
import io.neuromesh.topology.NeuronSpec;
import io.neuromesh.topology.SensorSpec;
import io.neuromesh.topology.SynapseSpec;
import io.neuromesh.topology.Topology;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * After a restart of a broker without its store (no session survives), a node says it is online only once its input
 * connections are back with their subscriptions: an input sent the moment its status says online reaches every one
 * of its neurons, also those whose filter is on an input connection. Two nodes with one input filter per connection,
 * four pinned neurons each (so nobody takes over anybody's neurons while the broker is away): each node's own
 * connection and three input connections reconnect independently, at their own backoff.
 */
@Timeout(120)
class OnlineAfterBrokerRestartIT {

    private static final List<String> NODES = List.of("n1", "n2");
    private static final int PER_NODE = 4;
    private static final String SENSOR = "s";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void inputsSentWhenANodeSaysItIsOnlineAgainReachEveryNeuron() {
        // As `neuromesh edge` runs: a service waits for its broker without end.
        NodeStarter<EdgeRuntime> oneFilterPerConnection = EdgeFleet.runtimes((name, config) -> config
                .gpio(GpioSetting.OFF).inputFiltersPerConnection(1)
                .link(link -> link.startTimeout(LinkConfig.START_UNTIL_CLOSED)));
        // The embedded broker's default test variant keeps everything in memory: a restart loses every session.
        try (TestFleet<EdgeRuntime> fleet = TestFleet.builder(oneFilterPerConnection).broker(BrokerKind.HIVEMQ_EMBEDDED)
                .start();
             MqttLink driver = MqttLink.builder().broker(URI.create(fleet.uri())).clientId("restart-driver")
                     .reconnectDelay(Duration.ofMillis(10), Duration.ofMillis(50)).build()) {
            fleet.start(NODES.toArray(String[]::new));
            Map<String, Integer> outputs = new ConcurrentHashMap<>();
            Set<String> online = ConcurrentHashMap.newKeySet();
            AtomicReference<Instant> since = new AtomicReference<>(Instant.EPOCH);
            EdgeFleet.followOutputs(driver, outputs);
            // On Paho's thread: only note the news and hand the sending to a thread of its own.
            driver.subscribe(List.of(Subscription.of(Topics.ALL_STATUSES, Qos.AT_LEAST_ONCE)), Runnable::run, m -> {
                NodeStatus status = decode(m.payload());
                // A status made before the restart may still be delivered after it (published as the broker went
                // away, sent once the node is back): it is not the node saying it is online again.
                if (status != null && status.state() == NodeState.ONLINE && !status.timestamp().isBefore(since.get())
                        && online.add(status.node())) {
                    Thread.ofVirtual().start(() -> sendToNeuronsOf(driver, status.node(), 0));
                }
            });
            driver.start();
            byte[] json = topology();
            try (FleetClient client = EdgeFleet.client(fleet)) {
                EdgeFleet.applyOk(fleet, client, json, NODES, WAIT);
            }
            NODES.forEach(node -> sendToNeuronsOf(driver, node, 1));
            await().atMost(WAIT).until(() -> everyOutputIs(outputs, 1));

            // From the restart on, each node's "online" sends 0 to its neurons, once (cleared while the broker is
            // down: a status heard before the stop would send them 0 too early).
            fleet.broker().stop();
            since.set(Instant.now());
            online.clear();
            fleet.broker().start();
            await().atMost(WAIT).until(() -> online.containsAll(NODES));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertEquals(Map.of(), notYet(outputs, 0),
                    "neurons whose input, sent when their node said it was online, did not arrive"));
        }
    }

    private static NodeStatus decode(byte[] payload) {
        try {
            return NodeStatusCodec.decode(payload);
        } catch (WireFormatException compactHeartbeat) {
            return null;
        }
    }

    private static List<String> neuronsOf(String node) {
        return IntStream.range(0, PER_NODE).mapToObj(i -> node + "-" + i).toList();
    }

    private static void sendToNeuronsOf(MqttLink driver, String node, int value) {
        byte[] payload = InputCodec.encode(Input.of(SENSOR, value));
        neuronsOf(node).forEach(neuron -> driver.publish(Topics.input(neuron), payload, Qos.AT_LEAST_ONCE, false));
    }

    private static boolean everyOutputIs(Map<String, Integer> outputs, int value) {
        return notYet(outputs, value).isEmpty();
    }

    /** The neurons whose last output is not {@code value}, with what it is. */
    private static Map<String, Integer> notYet(Map<String, Integer> outputs, int value) {
        Map<String, Integer> notYet = new TreeMap<>();
        NODES.stream().flatMap(node -> neuronsOf(node).stream()).forEach(neuron -> {
            Integer output = outputs.get(neuron);
            if (output == null || output != value) {
                notYet.put(neuron, output == null ? -1 : output);
            }
        });
        return notYet;
    }

    /** Level neurons pinned to their node, each fed by the one virtual sensor with weight 1: input 1 turns it on. */
    private static byte[] topology() {
        List<NeuronSpec> neurons = new ArrayList<>();
        List<SynapseSpec> synapses = new ArrayList<>();
        for (String node : NODES) {
            for (String neuron : neuronsOf(node)) {
                neurons.add(NeuronSpec.level(neuron, node, 0.9));
                synapses.add(new SynapseSpec(SENSOR, neuron, 1));
            }
        }
        return new Topology(1, "restart", Defaults.STANDARD, List.of(), List.of(SensorSpec.virtual(SENSOR)), neurons,
                synapses, List.of()).toJson().getBytes(StandardCharsets.UTF_8);
    }
}
