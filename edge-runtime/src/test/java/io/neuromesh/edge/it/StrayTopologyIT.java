package io.neuromesh.edge.it;

import io.neuromesh.edge.EdgeRuntime;
import io.neuromesh.edge.FleetClient;
import io.neuromesh.edge.Topics;
import io.neuromesh.edge.wire.NodeStatus;
import io.neuromesh.edge.wire.TopologyOutcome;
import io.neuromesh.edge.wire.TopologyResult;
import io.neuromesh.testkit.broker.BrokerKind;
import io.neuromesh.testkit.fleet.Observer;
import io.neuromesh.testkit.fleet.TestFleet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.neuromesh.edge.it.EdgeFleet.NODES;
import static io.neuromesh.edge.it.EdgeFleet.allTwelveTransitions;
import static io.neuromesh.edge.it.EdgeFleet.applyOk;
import static io.neuromesh.edge.it.EdgeFleet.prime;
import static io.neuromesh.edge.it.TruthFleet.CONVERGE;
import static io.neuromesh.edge.it.TruthFleet.awaitFleetOn;
import static io.neuromesh.edge.it.TruthFleet.awaitRecorded;
import static io.neuromesh.edge.it.TruthFleet.hash;
import static io.neuromesh.edge.it.TruthFleet.orNetwork;
import static io.neuromesh.edge.it.TruthFleet.withRev;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * On a broker that accepts any retained topology (Mosquitto), stray documents published by hand (the same rev with
 * other content, a lower rev, an invalid document) never change what the fleet computes: not at once, not after a
 * node restarts on its state folder, not when a fresh node with an empty state folder joins. The tests run in order
 * on one fleet: each stray follows the previous one.
 */
@Timeout(300)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StrayTopologyIT {

    private static final byte[] XOR = TestFleet.example("xor.json");
    private static final byte[] XOR2 = withRev(XOR, 2);

    @TempDir
    static Path state;

    private TestFleet<EdgeRuntime> fleet;
    private FleetClient client;
    private Observer outputs;
    private Observer results;
    private Observer history;

    @BeforeAll
    void fleetRunsXorAndRecordedIt() {
        fleet = EdgeFleet.started(TestFleet.builder(TruthFleet.withStateUnder(state)).broker(BrokerKind.MOSQUITTO)
                .start());
        client = EdgeFleet.client(fleet);
        outputs = fleet.observe(Topics.ALL_OUTPUTS);
        results = fleet.observe(Topics.ALL_TOPOLOGY_RESULTS);
        history = fleet.observe(Topics.TOPOLOGY_HISTORY);
        applyOk(fleet, client, XOR, 1);
        awaitRecorded(history, XOR);
        prime(client, outputs);
    }

    @AfterAll
    void close() {
        if (client != null) {
            client.close();
        }
        if (fleet != null) {
            fleet.close();
        }
    }

    @Test
    @Order(1)
    void theSameRevWithOtherContentIsRejectedAndARestartOrAFreshNodeStillRunsXor() {
        byte[] stray = orNetwork(1, "stray-same-rev");
        fleet.publish(Topics.TOPOLOGY, stray, true);

        Map<String, TopologyResult> rejected = awaitRejected(hash(stray));
        rejected.values().forEach(r -> assertEquals(
                List.of("rev: 1 is not newer than the running rev 1; publish it with a higher rev"), r.errors()));
        restartAndJoin("n2", "n4", XOR, hash(stray));
    }

    @Test
    @Order(2)
    void aLowerRevIsRejectedAndARestartOrAFreshNodeStillRunsTheNewerOne() {
        applyOk(fleet, client, XOR2, 2);
        awaitRecorded(history, XOR2);
        byte[] stray = orNetwork(1, "stray-lower-rev");
        fleet.publish(Topics.TOPOLOGY, stray, true);

        Map<String, TopologyResult> rejected = awaitRejected(hash(stray));
        rejected.values().forEach(r -> assertEquals(
                List.of("rev: 1 is not newer than the running rev 2; publish it with a higher rev"), r.errors()));
        restartAndJoin("n3", "n5", XOR2, hash(stray));
    }

    @Test
    @Order(3)
    void anInvalidDocumentIsRejectedAndARestartOfTheHistoryWriterOrAFreshNodeStillRunsTheLastGoodOne() {
        byte[] invalid = "{\"rev\": 7, \"neurons\": [{\"id\": \"x\", \"threshold\": \"high\"}]}"
                .getBytes(StandardCharsets.UTF_8);
        fleet.publish(Topics.TOPOLOGY, invalid, true);

        await().atMost(CONVERGE).untilAsserted(() -> {
            Map<String, TopologyResult> all = TruthFleet.results(results);
            for (String node : NODES) {
                TopologyResult r = all.get(node);
                assertTrue(r != null && r.rev() == 7 && r.document().isEmpty()
                        && r.result() == TopologyOutcome.REJECTED, node + ": " + r);
            }
        });
        restartAndJoin("n1", "n6", XOR2, null);
    }

    /** Waits until n1..n3 reported {@code document} rejected; returns their results (not those of nodes gone). */
    private Map<String, TopologyResult> awaitRejected(String document) {
        await().atMost(CONVERGE).untilAsserted(() -> {
            Map<String, TopologyResult> all = TruthFleet.results(results);
            for (String node : NODES) {
                TopologyResult r = all.get(node);
                assertTrue(r != null && r.document().equals(document) && r.result() == TopologyOutcome.REJECTED,
                        node + ": " + r);
            }
        });
        Map<String, TopologyResult> all = TruthFleet.results(results);
        all.keySet().retainAll(NODES);
        return all;
    }

    /**
     * Restarts {@code restarted} on its state folder and starts {@code fresh} with an empty one while the stray is
     * retained: all four end on {@code running}, each says in its status that the broker's copy is not what it runs,
     * and XOR is right on every transition. The fresh node leaves afterwards.
     *
     * @param stray the stray's hash, or null for an invalid document
     */
    private void restartAndJoin(String restarted, String fresh, byte[] running, String stray) {
        fleet.stop(restarted);
        fleet.start(restarted);
        fleet.start(fresh);
        List<String> online = List.of("n1", "n2", "n3", fresh);
        Map<String, NodeStatus> statuses = awaitFleetOn(client, online, running);
        await().atMost(CONVERGE).untilAsserted(() -> {
            for (String node : online) {
                String problem = client.nodes().get(node).running().flatMap(NodeStatus.Running::topologyProblem)
                        .orElse("");
                assertTrue(stray == null ? problem.startsWith("the retained topology is not valid (")
                        : problem.startsWith("the retained topology rev 1 (hash " + stray.substring(0, 16)
                        + ") is not newer than the running rev"), node + ": " + problem);
            }
        });
        assertEquals(online.size(), statuses.size());
        allTwelveTransitions(client, outputs);
        fleet.stop(fresh);
    }
}
