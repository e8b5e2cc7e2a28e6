package io.neuromesh.cli.it;

import io.neuromesh.edge.FleetClient;
import io.neuromesh.edge.FleetTopology;
import io.neuromesh.edge.wire.NodeStatus;
import io.neuromesh.testkit.broker.BrokerKind;
import io.neuromesh.testkit.broker.FreePorts;
import io.neuromesh.testkit.broker.TestBroker;
import io.neuromesh.testkit.broker.TestBrokers;
import io.neuromesh.testkit.process.Launcher;
import io.neuromesh.testkit.process.ManagedProcess;
import io.neuromesh.testkit.process.MosquittoClients;
import io.neuromesh.topology.Topology;
import io.neuromesh.topology.TopologyDiff;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The retained topology as the truth, driven as a user drives it: a broker (the embedded HiveMQ CE through
 * {@code ./neuromesh broker}, or a Mosquitto process) and three {@code ./neuromesh edge} processes, with every CLI
 * command run through the launcher. One fleet per broker serves all the steps, in order: apply A, then B with the
 * same rev; re-apply the running document; fire and send to unknown ids; a malformed input; roll back from a
 * second, fresh NEUROMESH_HOME. What the commands print is checked against what the nodes report.
 */
@ParameterizedClass(name = "on {0}")
@EnumSource(BrokerKind.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(180)
class TopologyTruthIT {

    private static final Duration STARTUP = Duration.ofSeconds(60);
    private static final List<String> NODES = List.of("n1", "n2", "n3");
    private static final Path XOR = Path.of("examples", "xor.json");

    @Parameter
    BrokerKind kind;

    private Launcher launcher;
    private TestBroker mosquitto;
    private FleetClient client;
    private String broker;
    private int port;
    private Path other;

    @BeforeParameterizedClassInvocation
    void startFleet() throws Exception {
        MosquittoClients.assumeInstalled();
        launcher = Launcher.forRepository();
        if (kind == BrokerKind.MOSQUITTO) {
            mosquitto = TestBrokers.mosquitto();
            port = mosquitto.port();
        } else {
            port = FreePorts.next();
            launcher.start("broker", "broker", "--port", Integer.toString(port), "--in-memory")
                    .awaitOutput("broker listening on tcp://127\\.0\\.0\\.1:" + port, STARTUP);
        }
        broker = "tcp://127.0.0.1:" + port;
        for (String node : NODES) {
            launcher.start(node, "edge", "--node", node, "--broker", broker, "--heartbeat", "250ms", "--no-worker");
        }
        client = FleetClient.connect(URI.create(broker), Duration.ofSeconds(10));
        await().atMost(STARTUP).until(() -> client.nodes().values().stream().filter(NodeStatus::online).count() == 3);
        // Another network with the same rev: h2's threshold differs.
        String b = Files.readString(launcher.root().resolve(XOR)).replace("\"threshold\": 1.9", "\"threshold\": 1.8");
        other = Files.writeString(Files.createTempDirectory("neuromesh-truth").resolve("xor-b.json"), b);
    }

    @AfterParameterizedClassInvocation
    void stopFleet() {
        if (client != null) {
            client.close();
        }
        if (launcher != null) {
            launcher.stopAll();
        }
        if (mosquitto != null) {
            mosquitto.close();
        }
    }

    private ManagedProcess.Result run(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--broker", broker));
        return launcher.run(60, all.toArray(String[]::new));
    }

    /** What every online node runs, checked to be one document, which is also the one retained. */
    private Topology runningEverywhere() {
        FleetTopology now = client.topology(Duration.ofSeconds(5));
        assertEquals(NODES, now.onlineIds());
        assertTrue(now.retainedIsRunning(), "the broker retains what the nodes run: " + now);
        return now.running().orElseThrow();
    }

    @Test
    @Order(1)
    void applyingAnotherNetworkWithTheSameRevPublishesItAsTheNextRevAndSaysWhatRuns() throws Exception {
        ManagedProcess.Result a = run("topology", "apply", XOR.toString());
        assertEquals(0, a.exitCode(), a.output());
        assertTrue(a.output().contains("n3         applied rev 1, hosting h3 z"), a.output());

        ManagedProcess.Result b = run("topology", "apply", other.toString());
        assertEquals(0, b.exitCode(), b.output());
        assertTrue(b.output().contains(other + " has rev 1; the fleet is at rev 1, so it is published as rev 2"),
                b.output());
        for (String node : NODES) {
            assertTrue(b.output().contains(String.format("  %-10s applied rev 2, hosting ", node)), b.output());
        }
        Topology running = runningEverywhere();
        assertEquals(2, running.rev());
        assertTrue(TopologyDiff.between(running, Topology.parse(Files.readAllBytes(other))).isEmpty());
    }

    @Test
    @Order(2)
    void reApplyingTheRunningDocumentSucceedsAtOnce() throws Exception {
        // A JVM start through the launcher, measured now: on a loaded 2-core machine it alone can take a second or
        // two, and the 2 s bound is for the command's own work.
        long baseline = System.nanoTime();
        assertEquals(0, launcher.run(30, "--version").exitCode());
        Duration jvm = Duration.ofNanos(System.nanoTime() - baseline);
        long start = System.nanoTime();
        ManagedProcess.Result again = run("topology", "apply", other.toString());
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertEquals(0, again.exitCode(), again.output());
        assertEquals("already running rev 2 on n1 n2 n3\n", again.output());
        assertTrue(took.minus(jvm).compareTo(Duration.ofSeconds(2)) < 0,
                "took " + took.toMillis() + " ms, of which a JVM start " + jvm.toMillis() + " ms");
        assertEquals(2, runningEverywhere().rev(), "nothing was published");
    }

    @Test
    @Order(3)
    void fireAndSendRefuseAnIdTheRunningTopologyDoesNotHave() throws Exception {
        ManagedProcess.Result fire = run("fire", "xx");
        assertEquals(1, fire.exitCode(), fire.output());
        assertTrue(fire.output().contains("no neuron 'xx' in the running topology (rev 2); did you mean x?"),
                fire.output());
        ManagedProcess.Result send = run("send", "zz", "--from", "h1", "--value", "1");
        assertEquals(1, send.exitCode(), send.output());
        assertTrue(send.output().contains("no neuron 'zz' in the running topology (rev 2); did you mean z?"),
                send.output());
    }

    @Test
    @Order(4)
    void aMalformedInputShowsInTheNodesTable() throws Exception {
        MosquittoClients.publish(port, "neuron/x", "{\"from\":\"sensor_x\",\"value\":\"high\"}", false);
        await().atMost(Duration.ofSeconds(10)).until(() -> client.nodes().get("n1").running()
                .map(NodeStatus.Running::malformed).orElse(0L) >= 1);
        ManagedProcess.Result nodes = run("nodes");
        assertEquals(0, nodes.exitCode(), nodes.output());
        List<String> lines = nodes.output().lines().toList();
        assertTrue(lines.get(0).endsWith("MALFORMED  DROPPED"), nodes.output());
        assertTrue(lines.stream().anyMatch(line -> line.matches("n1 +online .* 1 +0")), nodes.output());
    }

    @Test
    @Order(5)
    void rollbackFromAFreshHomeReachesRevOnesNetwork() throws Exception {
        // Another machine: its own NEUROMESH_HOME, nothing local; the history is the fleet's, on the broker.
        Launcher elsewhere = Launcher.forRepository();
        try {
            ManagedProcess.Result rollback = elsewhere.run(60, "topology", "rollback", "--to", "1", "--broker",
                    broker);
            assertEquals(0, rollback.exitCode(), rollback.output());
            assertTrue(rollback.output().startsWith("rolling back to the network of rev 1, published as rev 3\n"),
                    rollback.output());
            Topology running = runningEverywhere();
            assertEquals(3, running.rev());
            assertTrue(TopologyDiff.between(running, Topology.parse(Files.readAllBytes(launcher.root().resolve(XOR))))
                    .isEmpty(), "rev 1's network runs again");

            ManagedProcess.Result history = elsewhere.run(60, "topology", "history", "--broker", broker);
            assertEquals(0, history.exitCode(), history.output());
            assertTrue(history.output().lines().anyMatch(line -> line.matches("\\* +3 .*n1 n2 n3")),
                    history.output());
            assertTrue(history.output().lines().anyMatch(line -> line.matches(" +1 .*n1 n2 n3")), history.output());
        } finally {
            elsewhere.stopAll();
        }
    }
}
