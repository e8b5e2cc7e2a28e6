package io.neuromesh.cli.it;

import io.neuromesh.edge.FleetClient;
import io.neuromesh.edge.internal.placement.Placement;
import io.neuromesh.edge.wire.NodeStatus;
import io.neuromesh.testkit.broker.FreePorts;
import io.neuromesh.testkit.process.Launcher;
import io.neuromesh.testkit.process.ManagedProcess;
import io.neuromesh.topology.Topology;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A fleet of OS processes started through the launcher (a broker with file persistence and edge nodes with short
 * heartbeats), watched from the test through a {@link FleetClient}: the reusable harness of the fleet tests.
 */
final class FleetHarness implements AutoCloseable {

    static final Duration STARTUP = Duration.ofSeconds(60);
    static final List<String> XOR_NEURONS = List.of("x", "y", "h1", "h2", "h3", "z");

    final Launcher launcher;
    final int port = FreePorts.next();
    final String broker = "tcp://127.0.0.1:" + port;
    final Path data;
    final Map<String, ManagedProcess> edges = new LinkedHashMap<>();
    /** Every z output seen, in order: value and arrival time. */
    final List<long[]> zOutputs = new CopyOnWriteArrayList<>();
    final Map<String, Integer> outputs = new HashMap<>();
    ManagedProcess brokerProcess;
    FleetClient client;

    FleetHarness() throws IOException {
        launcher = Launcher.forRepository();
        data = Files.createTempDirectory("neuromesh-fleet-broker");
    }

    void startBroker() throws Exception {
        brokerProcess = launcher.start("broker-" + System.nanoTime(), "broker", "--port", Integer.toString(port),
                "--data", data.toString());
        brokerProcess.awaitOutput("broker listening on tcp://127\\.0\\.0\\.1:" + port, STARTUP);
    }

    ManagedProcess startEdge(String node, String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of("edge", "--node", node, "--broker", broker, "--heartbeat", "250ms",
                "--offline-after", "1s", "--handover", "5s"));
        args.addAll(List.of(extra));
        ManagedProcess edge = launcher.start(node + "-" + System.nanoTime(), args.toArray(String[]::new));
        edges.put(node, edge);
        return edge;
    }

    void connectClient() {
        client = FleetClient.connect(URI.create(broker), Duration.ofSeconds(10));
        client.watchOutputs(e -> {
            synchronized (outputs) {
                outputs.put(e.neuron(), e.value());
                outputs.notifyAll();
            }
            if (e.neuron().equals("z") && !e.retained()) {
                zOutputs.add(new long[] {e.value(), System.nanoTime()});
            }
        });
    }

    ManagedProcess.Result cli(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--broker");
        all.add(broker);
        return launcher.run(90, all.toArray(String[]::new));
    }

    /** Waits until exactly {@code nodes} are online. */
    void awaitOnline(Set<String> nodes, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Set<String> online = new TreeSet<>();
            client.nodes().forEach((node, status) -> {
                if (status.online()) {
                    online.add(node);
                }
            });
            if (online.equals(new TreeSet<>(nodes))) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("online nodes should be " + nodes + ": " + client.nodes().values());
    }

    /**
     * Waits until the fleet has converged on the placement every runtime computes for these online nodes: each online
     * node reports exactly the neurons placement gives it. Returns neuron -> node.
     */
    Map<String, String> awaitPlacement(String topologyFile, Set<String> nodes, Duration timeout)
            throws Exception {
        Topology topology = Topology.parse(Files.readAllBytes(launcher.root().resolve(topologyFile)));
        Placement expected = Placement.assign(topology, nodes);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            boolean converged = true;
            for (String node : nodes) {
                NodeStatus status = client.nodes().get(node);
                if (status == null || !status.online()
                        || !new TreeSet<>(status.neurons()).equals(new TreeSet<>(expected.neuronsOn(node)))) {
                    converged = false;
                    break;
                }
            }
            if (converged && partition(nodes, XOR_NEURONS) != null) {
                return expected.assignments();
            }
            Thread.sleep(5);
        }
        throw new AssertionError("placement " + expected.assignments() + " on " + nodes + "; statuses: "
                + client.nodes().values());
    }

    /**
     * Waits until the statuses of {@code nodes} host every neuron exactly once; returns neuron -> node, or fails with
     * the statuses.
     */
    Map<String, String> awaitPartition(Set<String> nodes, List<String> neurons, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, String> hostOf = Map.of();
        while (System.nanoTime() < deadline) {
            hostOf = partition(nodes, neurons);
            if (hostOf != null) {
                return hostOf;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("every neuron hosted once by " + nodes + "; statuses: " + client.nodes().values());
    }

    private Map<String, String> partition(Set<String> nodes, List<String> neurons) {
        Map<String, String> hostOf = new HashMap<>();
        for (NodeStatus status : client.nodes().values()) {
            // Only the given nodes count: a frozen node's last status is stale by design.
            if (!status.online() || !nodes.contains(status.node())) {
                continue;
            }
            for (String neuron : status.neurons()) {
                if (hostOf.put(neuron, status.node()) != null) {
                    return null;
                }
            }
        }
        return hostOf.keySet().equals(Set.copyOf(neurons)) ? hostOf : null;
    }

    /** Sends the two sensors and waits until z settles at XOR(x, y). */
    void expectXor(int x, int y) throws InterruptedException {
        client.send("x", "sensor_x", x);
        client.send("y", "sensor_y", y);
        awaitOutput("z", x ^ y, Duration.ofSeconds(10));
    }

    void awaitOutput(String neuron, int value, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (outputs) {
            while (!Integer.valueOf(value).equals(outputs.get(neuron))) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                assertTrue(left > 0, neuron + " should become " + value + "; outputs " + outputs);
                outputs.wait(left);
            }
        }
        Thread.sleep(150);
        synchronized (outputs) {
            assertEquals(value, outputs.get(neuron), neuron + " settled");
        }
    }

    @Override
    public void close() {
        if (client != null) {
            client.close();
        }
        launcher.stopAll();
    }
}
