package io.neuromesh.edge.it;

import io.neuromesh.edge.EdgeRuntime;
import io.neuromesh.edge.FleetClient;
import io.neuromesh.edge.wire.AppliedHistory;
import io.neuromesh.edge.wire.AppliedHistoryCodec;
import io.neuromesh.edge.wire.NodeStatus;
import io.neuromesh.edge.wire.TopologyResult;
import io.neuromesh.edge.wire.TopologyResultCodec;
import io.neuromesh.edge.wire.WireFormatException;
import io.neuromesh.testkit.fleet.NodeStarter;
import io.neuromesh.testkit.fleet.Observer;
import io.neuromesh.testkit.fleet.TestFleet;
import io.neuromesh.topology.NeuronSpec;
import io.neuromesh.topology.Topology;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the ITs of "one source of truth" share: nodes with state folders, versions, and waits on the fleet's word. */
final class TruthFleet {

    /** A restart, placement and the history read take a few seconds on a loaded 2-core machine. */
    static final Duration CONVERGE = Duration.ofSeconds(30);

    private TruthFleet() {
    }

    /** In-process runtimes keeping their last applied topology in {@code root/<node>}. */
    static NodeStarter<EdgeRuntime> withStateUnder(Path root) {
        return EdgeFleet.runtimes((name, config) -> config.stateDir(root.resolve(name)));
    }

    /** {@code json} with its rev set to {@code rev}. */
    static byte[] withRev(byte[] json, long rev) {
        return new String(json, StandardCharsets.UTF_8).replaceFirst("\"rev\"\\s*:\\s*\\d+", "\"rev\": " + rev)
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The XOR network with h2 -> z flipped from -2 to +1: z = x OR y, so running it shows in the truth table. */
    static byte[] orNetwork(long rev, String name) {
        return new String(withRev(TestFleet.example("xor.json"), rev), StandardCharsets.UTF_8)
                .replaceFirst("\"name\"\\s*:\\s*\"xor\"", "\"name\": \"" + name + "\"")
                .replaceFirst("(\"from\"\\s*:\\s*\"h2\"\\s*,\\s*\"to\"\\s*:\\s*\"z\"\\s*,\\s*\"weight\"\\s*:\\s*)-2", "$11")
                .getBytes(StandardCharsets.UTF_8);
    }

    static String hash(byte[] json) {
        return Topology.parse(json).contentHash();
    }

    /** Each node's latest topology result, as retained on {@code neuromesh/nodes/+/topology}. */
    static Map<String, TopologyResult> results(Observer results) {
        Map<String, TopologyResult> byNode = new TreeMap<>();
        results.latest().forEach((topic, json) -> {
            try {
                byNode.put(io.neuromesh.edge.Topics.nodeOf(topic),
                        TopologyResultCodec.decode(json.getBytes(StandardCharsets.UTF_8)));
            } catch (WireFormatException e) {
                throw new AssertionError(topic + ": " + e.getMessage(), e);
            }
        });
        return byNode;
    }

    /** The applied history as last retained, or empty. */
    static AppliedHistory history(Observer history) {
        return history.latest(io.neuromesh.edge.Topics.TOPOLOGY_HISTORY).map(json -> {
            try {
                return AppliedHistoryCodec.decode(json.getBytes(StandardCharsets.UTF_8));
            } catch (WireFormatException e) {
                throw new AssertionError(e.getMessage(), e);
            }
        }).orElse(AppliedHistory.EMPTY);
    }

    /** Waits until the history's newest revision is {@code json}. */
    static void awaitRecorded(Observer history, byte[] json) {
        long rev = Topology.parse(json).rev();
        await().atMost(CONVERGE).untilAsserted(() -> assertEquals(Optional.of(rev + " " + hash(json)),
                TruthFleet.history(history).newest().map(r -> r.rev() + " " + r.hash())));
    }

    /**
     * Waits until exactly {@code online} are online, all of them report running {@code json}, and together they host
     * each of its neurons once.
     *
     * @return their statuses
     */
    static Map<String, NodeStatus> awaitFleetOn(FleetClient client, Collection<String> online, byte[] json) {
        Topology topology = Topology.parse(json);
        String expected = topology.rev() + " " + hash(json);
        List<String> everyNeuronOnce = topology.neurons().stream().map(NeuronSpec::id).sorted().toList();
        Map<String, String> want = new TreeMap<>();
        online.forEach(n -> want.put(n, expected));
        Map<String, NodeStatus> seen = new TreeMap<>();
        await().atMost(CONVERGE).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            seen.clear();
            Map<String, String> running = new TreeMap<>();
            List<String> hosted = new ArrayList<>();
            client.nodes().forEach((node, status) -> {
                if (status.online()) {
                    seen.put(node, status);
                    running.put(node, status.running().map(r -> r.rev() + " " + r.hash()).orElse("?"));
                    hosted.addAll(status.neurons());
                }
            });
            assertEquals(want, running);
            // A node runs the topology before it has placed its neurons (it first hears from the fleet): an input sent
            // then reaches no host. Placed means every neuron hosted by one online node.
            assertEquals(everyNeuronOnce, hosted.stream().sorted().toList(), "hosted by the online nodes");
        });
        return seen;
    }
}
