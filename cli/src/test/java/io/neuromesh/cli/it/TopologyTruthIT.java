package io.neuromesh.cli.it;

import io.neuromesh.edge.FleetClient;
import io.neuromesh.edge.FleetTopology;
import io.neuromesh.edge.wire.NodeStatus;
import io.neuromesh.testkit.broker.BrokerKind;
import io.neuromesh.testkit.process.Launcher;
import io.neuromesh.testkit.process.ManagedProcess;
import io.neuromesh.testkit.process.MosquittoClients;
import io.neuromesh.testkit.process.TestFolders;
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

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The retained topology as the truth, driven as a user drives it: a broker (the embedded HiveMQ CE through
 * {@code ./neuromesh broker}, or a Mosquitto process) and three {@code ./neuromesh edge} processes, with every CLI
 * command run through the launcher. One fleet per broker serves all the steps, in order: apply A, then B with the
 * same rev; re-apply the running document; fire and send to unknown ids; a malformed input; roll back from a
 * second, fresh NEUROMESH_HOME; stray documents published by hand, each followed by a node restart. What the commands print is checked against what the nodes report.
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
    private BrokerProcess brokerProcess;
    private FleetClient client;
    private String broker;
    private int port;
    private Path other;
    private final Map<String, ManagedProcess> edges = new HashMap<>();
    /** The latest output of each neuron, as the fleet client sees them. */
    private final Map<String, Integer> outputs = new ConcurrentHashMap<>();

    @BeforeParameterizedClassInvocation
    void startFleet() throws Exception {
        MosquittoClients.assumeInstalled();
        launcher = Launcher.forRepository();
        brokerProcess = BrokerProcess.start(kind, launcher, STARTUP);
        port = brokerProcess.port();
        broker = brokerProcess.uri();
        for (String node : NODES) {
            edges.put(node, startEdge(node, node));
        }
        client = FleetClient.connect(URI.create(broker), Duration.ofSeconds(10));
        client.watchOutputs(event -> outputs.put(event.neuron(), event.value()));
        await().atMost(STARTUP).until(() -> client.nodes().values().stream().filter(NodeStatus::online).count() == 3);
        // Another network with the same rev: h2's threshold differs.
        String b = Files.readString(launcher.root().resolve(XOR)).replace("\"threshold\": 1.9", "\"threshold\": 1.8");
        other = Files.writeString(TestFolders.create("neuromesh-truth").resolve("xor-b.json"), b);
    }

    @AfterParameterizedClassInvocation
    void stopFleet() {
        if (client != null) {
            client.close();
        }
        if (launcher != null) {
            launcher.stopAll();
        }
        if (brokerProcess != null) {
            brokerProcess.close();
        }
    }

    private ManagedProcess startEdge(String node, String log) throws IOException {
        return launcher.start(log, "edge", "--node", node, "--broker", broker, "--heartbeat", "250ms", "--no-worker");
    }

    private ManagedProcess.Result run(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--broker", broker));
        return launcher.run(60, all.toArray(String[]::new));
    }

    /**
     * What every online node runs, checked to be one document, which is also the one retained. The command under
     * test returned once each node answered it; this test's own client is another subscriber, to which a broker may
     * deliver a node's status a moment later (HiveMQ CE orders messages per publisher, not across publishers and this
     * client's round trip), so it reads the fleet until it agrees, for a few seconds at most.
     */
    private Topology runningEverywhere() {
        FleetTopology[] now = new FleetTopology[1];
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            now[0] = client.topology(Duration.ofSeconds(5));
            assertEquals(NODES, now[0].onlineIds());
            assertTrue(now[0].retainedIsRunning(), "the broker retains what the nodes run: " + now[0]);
        });
        return now[0].running().orElseThrow();
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
        // two, and the bound is for the command's own work: about 1 s on a quiet machine, 2.4 s once in a loaded CI.
        // Waiting for the nodes' answers would take the 10 s default --timeout, which 4 s still tells apart.
        long baseline = System.nanoTime();
        assertEquals(0, launcher.run(30, "--version").exitCode());
        Duration jvm = Duration.ofNanos(System.nanoTime() - baseline);
        long start = System.nanoTime();
        ManagedProcess.Result again = run("topology", "apply", other.toString());
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertEquals(0, again.exitCode(), again.output());
        assertEquals("already running rev 2 on n1 n2 n3\n", again.output());
        assertTrue(took.minus(jvm).compareTo(Duration.ofSeconds(4)) < 0,
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
        ManagedProcess.Result logs = run("logs");
        assertEquals(0, logs.exitCode(), logs.output());
        assertTrue(logs.output().contains("input rejected: value: must be a finite number, got \"high\""),
                logs.output());
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

    @Test
    @Order(6)
    void strayDocumentsPublishedByHandNeverChangeWhatTheFleetComputesAcrossARestart() throws Exception {
        FleetTopology before = client.topology(Duration.ofSeconds(5));
        Topology running = before.running().orElseThrow();
        String json = running.toJson();
        Map<String, String> strays = new LinkedHashMap<>();
        strays.put("the same rev, other content", json.replace("\"threshold\":1.9", "\"threshold\":1.7"));
        strays.put("a lower rev", json.replace("\"rev\":" + running.rev(), "\"rev\":1")
                .replace("\"threshold\":1.9", "\"threshold\":1.6"));
        strays.put("an invalid document", "{\"rev\":" + (running.rev() + 5) + ",\"neurons\":[{\"id\":\"x\"}]}");
        assertTrue(strays.values().stream().noneMatch(json::equals), "each stray differs from what runs");
        int restart = 0;
        for (Map.Entry<String, String> stray : strays.entrySet()) {
            // By hand, as the README allows; the embedded broker refuses it (mosquitto_pub warns "Publish 1 failed"
            // and still exits 0), Mosquitto keeps it retained and the nodes refuse it.
            Process pub = new ProcessBuilder("mosquitto_pub", "-V", "5", "-h", "127.0.0.1", "-p",
                    Integer.toString(port), "-q", "1", "-r", "-t", "neuromesh/topology", "-m", stray.getValue())
                    .redirectErrorStream(true).start();
            String said = new String(pub.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(pub.waitFor(10, TimeUnit.SECONDS));
            assertEquals(0, pub.exitValue(), stray.getKey() + ": " + said);
            assertEquals(kind == BrokerKind.HIVEMQ_EMBEDDED, said.contains("Publish 1 failed"), stray.getKey() + ": " + said);

            // A Pi reboots: n2 dies and comes back with its own state folder.
            edges.get("n2").kill9();
            edges.put("n2", startEdge("n2", "n2-restart-" + ++restart));
            await(stray.getKey()).atMost(STARTUP).pollInterval(Duration.ofMillis(100)).until(() -> {
                FleetTopology now = client.topology(Duration.ofSeconds(5));
                return now.onlineIds().equals(NODES) && now.nodes().values().stream().filter(NodeStatus::online)
                        .allMatch(n -> n.rev() == running.rev() && n.hash().equals(running.contentHash()));
            });
            if (kind == BrokerKind.MOSQUITTO) {
                ManagedProcess.Result nodes = run("nodes");
                assertTrue(nodes.output().contains("warning: "), stray.getKey() + ": " + nodes.output());
            }
            allTwelveTransitions(stray.getKey());
        }
    }

    /** Every transition between the four states of (x, y), each ending with z = x XOR y, through the fleet client. */
    private void allTwelveTransitions(String after) {
        int[][] states = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
        int transitions = 0;
        for (int[] from : states) {
            for (int[] to : states) {
                if (from != to) {
                    for (int[] state : new int[][] {from, to}) {
                        client.send("x", "sensor_x", state[0]);
                        client.send("y", "sensor_y", state[1]);
                        int expected = state[0] ^ state[1];
                        await(after + ": z for " + state[0] + state[1]).atMost(Duration.ofSeconds(10))
                                .until(() -> Integer.valueOf(expected).equals(outputs.get("z")));
                    }
                    transitions++;
                }
            }
        }
        assertEquals(12, transitions);
    }
}
