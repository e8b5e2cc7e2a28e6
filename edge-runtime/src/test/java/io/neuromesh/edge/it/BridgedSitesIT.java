package io.neuromesh.edge.it;

import io.neuromesh.edge.EdgeRuntime;
import io.neuromesh.edge.FleetClient;
import io.neuromesh.edge.GpioSetting;
import io.neuromesh.edge.Topics;
import io.neuromesh.edge.wire.NodeState;
import io.neuromesh.testkit.broker.SiteBroker;
import io.neuromesh.testkit.broker.TcpRelay;
import io.neuromesh.testkit.fleet.Observer;
import io.neuromesh.testkit.fleet.TestFleet;
import io.neuromesh.testkit.process.Cleanup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import static io.neuromesh.edge.it.EdgeFleet.TIMEOUT;
import static io.neuromesh.edge.it.EdgeFleet.allTwelveTransitions;
import static io.neuromesh.edge.it.EdgeFleet.applyOk;
import static io.neuromesh.edge.it.EdgeFleet.expect;
import static io.neuromesh.edge.it.EdgeFleet.prime;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One fleet on two sites: n1 and n2 on site A's mosquitto, n3 on site B's, the brokers joined by the MQTT 5 bridge of
 * {@code docker/bridge/} (run from those files; only ports and folders differ). The bridge goes through a
 * {@link TcpRelay}, so that the test can cut the link between the sites while both brokers run. Also: a node id used
 * at both sites stops the older process, which neither broker would do.
 */
@Timeout(180)
class BridgedSitesIT {

    private static final String BRIDGE_STATE = "neuromesh/bridges/site-b/state";
    private static final List<String> SITE_A = List.of("x", "y", "h1", "h2", "h3");

    @TempDir
    Path dir;
    private TcpRelay link;
    private TestFleet<EdgeRuntime> siteA;
    private TestFleet<EdgeRuntime> siteB;
    private FleetClient clientA;
    private FleetClient clientB;

    @BeforeEach
    void startTwoBridgedSites() {
        SiteBroker brokerA = SiteBroker.start("site-a.conf", dir, 0);
        siteA = TestFleet.builder(EdgeFleet.runtimes(GpioSetting.DEFAULT)).broker(brokerA).start();
        link = new TcpRelay(brokerA.port());
        SiteBroker brokerB = SiteBroker.start("site-b.conf", dir, link.port());
        siteB = TestFleet.builder(EdgeFleet.runtimes(GpioSetting.DEFAULT)).broker(brokerB).start();
        assertOnlyPortsAndFoldersDiffer("site-a.conf", brokerA, 2);
        assertOnlyPortsAndFoldersDiffer("site-b.conf", brokerB, 3);
        awaitBridge("1");
        siteA.start("n1", "n2");
        siteB.start("n3");
        clientA = EdgeFleet.client(siteA);
        clientB = EdgeFleet.client(siteB);
    }

    @AfterEach
    void stopBoth() {
        Cleanup.closeAll(clientA, clientB, siteB, siteA, link);
    }

    @Test
    void xorIsRightAcrossTheBridgeAndZFailsOverToSiteAOnlyWhenItsLabelsAllow() {
        Observer outputs = siteA.observe(Topics.ALL_OUTPUTS);
        applyOk(siteB, clientB, sites(1, "prefers"), 1);     // apply from site B
        assertEquals(Map.of("n1", "a", "n2", "a", "n3", "b"), sitesOf(hosts()), "z at B, the rest at A: " + hosts());
        assertEquals("n3", hosts().get("z"));

        // Inputs at site A, z computed at site B, its output read back at site A.
        prime(clientA, outputs);
        allTwelveTransitions(clientA, outputs);

        // Inspect and logs cross the bridge both ways (MQTT 5 response topic and correlation data).
        assertEquals("n3", clientA.inspect("z", TIMEOUT).orElseThrow().node());
        assertEquals(hosts().get("x"), clientB.inspect("x", TIMEOUT).orElseThrow().node());
        assertTrue(clientA.logs(Instant.EPOCH, TIMEOUT).events().stream().anyMatch(e -> e.node().equals("n3")),
                "site A's logs include site B's node");

        // Site B's only node dies: z prefers site B but may run anywhere, so it moves to site A.
        siteB.node("n3").abort();
        siteB.forget("n3");
        await().atMost(TIMEOUT).until(() -> Optional.ofNullable(hosts().get("z")).filter(n -> !n.equals("n3"))
                .isPresent());
        expect(clientA, outputs, 1, 0, 1);
        expect(clientA, outputs, 1, 1, 0);

        // rev 2, applied from site A: z requires site B. With n3 back it runs there again; when n3 dies, nowhere.
        siteB.start("n3");
        // Site A's client must see n3 online again (its status crosses the bridge) before it waits for n3's answer.
        await().atMost(TIMEOUT).until(() -> clientA.nodes().get("n3").state() != NodeState.OFFLINE);
        applyOk(siteA, clientA, sites(2, "requires"), 2);
        await().atMost(TIMEOUT).until(() -> "n3".equals(hosts().get("z")));
        siteB.node("n3").abort();
        siteB.forget("n3");
        await().atMost(TIMEOUT).until(() -> clientA.nodes().get("n3").state() == NodeState.OFFLINE);
        // n1 and n2 act on n3's Last Will within milliseconds (failover measured at 57-156 ms); 2 s is ten times that.
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> !hosts().containsKey("z"));
        assertEquals(SITE_A.size(), hosts().size(), "site A keeps its own neurons: " + hosts());
    }

    @Test
    void cuttingAndRestoringTheBridgeConvergesToOnePlacementWithNothingHostedTwice() {
        Observer outputs = siteA.observe(Topics.ALL_OUTPUTS);
        applyOk(siteA, clientA, sites(1, "prefers"), 1);
        Map<String, String> placed = hostsOnce();
        assertEquals("n3", placed.get("z"));
        prime(clientA, outputs);

        long cut = System.nanoTime();
        link.cut();
        awaitBridge("0");
        // Each side goes on alone: site A takes z over, site B's n3 takes everything (its peers are silent).
        await().atMost(Duration.ofSeconds(20)).until(() -> siteANodes().stream().anyMatch(n -> n.hostedNeurons()
                .contains("z")) && siteB.node("n3").hostedNeurons().size() == 6);
        System.out.printf("bridge cut: both sites host every neuron after %d ms%n", millisSince(cut));
        expect(clientA, outputs, 0, 1, 1);   // site A computes XOR alone

        long restored = System.nanoTime();
        link.restore();
        awaitBridge("1");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(placed, hostsOnce()));
        System.out.printf("bridge restored: one placement again after %d ms%n", millisSince(restored));
        expect(clientA, outputs, 1, 1, 0);
        expect(clientA, outputs, 1, 0, 1);
        for (FleetClient client : List.of(clientA, clientB)) {
            await().atMost(TIMEOUT).untilAsserted(() -> assertEquals(List.of("n1", "n2", "n3"),
                    client.nodes().values().stream().filter(s -> s.state() == NodeState.ONLINE)
                            .map(s -> s.node()).sorted().toList()));
        }
    }

    @Test
    void aNodeIdStartedAtBothSitesStopsTheOlderProcessWithAReason() {
        // Each broker checks client ids only among its own clients; the node's status crosses the bridge, and the
        // process that reads a newer instance of its own id stops (as on one broker after a session takeover).
        EdgeRuntime atB = siteB.start("n1");
        await().atMost(TIMEOUT).until(() -> siteA.node("n1").failure().toCompletableFuture().isDone());
        String reason = siteA.node("n1").failure().toCompletableFuture().getNow("");
        assertTrue(reason.startsWith("node n1 stopped: another process connected with the same node id"), reason);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .until(() -> !atB.failure().toCompletableFuture().isDone());
    }

    /** The XOR network of examples/xor-sites.json at {@code rev}, with z's site label under {@code zSiteField}. */
    private static byte[] sites(long rev, String zSiteField) {
        String json = new String(TestFleet.example("xor-sites.json"), StandardCharsets.UTF_8)
                .replaceFirst("\"rev\": 1", "\"rev\": " + rev)
                .replace("{ \"id\": \"z\", \"prefers\"", "{ \"id\": \"z\", \"" + zSiteField + "\"");
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private List<EdgeRuntime> siteANodes() {
        return new ArrayList<>(siteA.nodes().values());
    }

    /** Neuron to node, over both sites; a neuron hosted twice shows once (see {@link #hostsOnce}). */
    private Map<String, String> hosts() {
        Map<String, String> hosts = new TreeMap<>();
        Stream.of(siteA, siteB).forEach(site -> site.nodes().forEach((name, runtime) ->
                runtime.hostedNeurons().forEach(neuron -> hosts.put(neuron, name))));
        return hosts;
    }

    /** {@link #hosts()}, asserting that no neuron is hosted by two nodes. */
    private Map<String, String> hostsOnce() {
        Map<String, String> hosts = new TreeMap<>();
        Stream.of(siteA, siteB).forEach(site -> site.nodes().forEach((name, runtime) ->
                runtime.hostedNeurons().forEach(neuron -> {
                    String other = hosts.put(neuron, name);
                    assertTrue(other == null, neuron + " is hosted by " + other + " and " + name);
                })));
        return hosts;
    }

    /** Node to the site of the neurons it hosts ("a" or "b"), for nodes that host any. */
    private static Map<String, String> sitesOf(Map<String, String> hosts) {
        Map<String, String> sites = new TreeMap<>();
        hosts.forEach((neuron, node) -> sites.merge(node, neuron.equals("z") ? "b" : "a",
                (x, y) -> x.equals(y) ? x : x + y));
        return sites;
    }

    private void awaitBridge(String state) {
        Observer bridge = siteA.observe(BRIDGE_STATE);
        await().atMost(Duration.ofSeconds(20)).until(() -> Optional.of(state).equals(bridge.latest(BRIDGE_STATE)));
    }

    private static void assertOnlyPortsAndFoldersDiffer(String file, SiteBroker broker, int expected) {
        List<String> original = SiteBroker.original(file).lines().toList();
        List<String> used;
        try {
            used = Files.readAllLines(broker.config());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertEquals(original.size(), used.size());
        List<String> changed = new ArrayList<>();
        for (int i = 0; i < original.size(); i++) {
            if (!original.get(i).equals(used.get(i))) {
                changed.add(original.get(i).split(" ")[0]);
            }
        }
        assertEquals(expected == 2 ? List.of("persistence_location", "listener")
                : List.of("persistence_location", "listener", "address"), changed, file);
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
