package io.neuromesh.edge.it;

import io.neuromesh.edge.EdgeRuntime;
import io.neuromesh.edge.FleetClient;
import io.neuromesh.edge.wire.TopologyOutcome;
import io.neuromesh.edge.wire.TopologyResult;
import io.neuromesh.edge.GpioSetting;
import io.neuromesh.edge.Topics;
import io.neuromesh.mqtt.PublishRefusedException;
import io.neuromesh.testkit.broker.BrokerKind;
import io.neuromesh.testkit.fleet.Observer;
import io.neuromesh.testkit.fleet.TestFleet;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import static io.neuromesh.edge.it.EdgeFleet.allTwelveTransitions;
import static io.neuromesh.edge.it.EdgeFleet.apply;
import static io.neuromesh.edge.it.EdgeFleet.applyOk;
import static io.neuromesh.edge.it.EdgeFleet.awaitSettled;
import static io.neuromesh.edge.it.EdgeFleet.expect;
import static io.neuromesh.edge.it.EdgeFleet.prime;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The XOR brain on three runtimes, on the embedded HiveMQ CE and on a real Mosquitto process. */
@Timeout(120)
class XorIT {

    private static final int[][] STATES = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};

    private static byte[] xorTopology() {
        return TestFleet.example("xor.json");
    }

    @ParameterizedTest
    @EnumSource(BrokerKind.class)
    void allTwelveTransitionsEndWithZEqualToXorOfXAndY(BrokerKind kind) {
        try (TestFleet<EdgeRuntime> fleet = EdgeFleet.xor(kind); FleetClient client = EdgeFleet.client(fleet)) {
            Observer outputs = fleet.observe(Topics.ALL_OUTPUTS);
            applyOk(fleet, client, xorTopology(), 1);
            assertEquals(Map.of("n1", 2, "n2", 2, "n3", 2), Map.of(
                    "n1", fleet.node("n1").hostedNeurons().size(), "n2", fleet.node("n2").hostedNeurons().size(),
                    "n3", fleet.node("n3").hostedNeurons().size()));
            prime(client, outputs);
            allTwelveTransitions(client, outputs);
        }
    }

    @ParameterizedTest
    @EnumSource(BrokerKind.class)
    void aWeightFlipChangesTheFunctionLiveAndARejectedTopologyKeepsTheOldOne(BrokerKind kind) {
        try (TestFleet<EdgeRuntime> fleet = EdgeFleet.xor(kind); FleetClient client = EdgeFleet.client(fleet)) {
            Observer outputs = fleet.observe(Topics.ALL_OUTPUTS);
            applyOk(fleet, client, xorTopology(), 1);
            prime(client, outputs);
            expect(client, outputs, 1, 1, 0);

            // rev 2: h2 -> z weight -2 becomes +1: z = OR(x, y). With x = y = 1 already set, z turns 1 by itself.
            String or = new String(xorTopology(), StandardCharsets.UTF_8)
                    .replaceFirst("\"rev\"\\s*:\\s*1", "\"rev\": 2")
                    .replaceFirst("(\"from\"\\s*:\\s*\"h2\"\\s*,\\s*\"to\"\\s*:\\s*\"z\"\\s*,\\s*\"weight\"\\s*:\\s*)-2", "$11");
            applyOk(fleet, client, or.getBytes(StandardCharsets.UTF_8), 2);
            awaitSettled(outputs, "z", 1);
            expect(client, outputs, 1, 0, 1);
            expect(client, outputs, 0, 0, 0);

            // rev 3 names a synapse to an unknown neuron. The embedded broker's guard refuses it with the parser's
            // error; on Mosquitto every node rejects it itself. Either way every node keeps running rev 2.
            String bad = or.replaceFirst("\"rev\": 2", "\"rev\": 3").replaceFirst("\"to\"\\s*:\\s*\"h3\"", "\"to\": \"h9\"");
            if (kind == BrokerKind.HIVEMQ_EMBEDDED) {
                PublishRefusedException refused = assertThrows(PublishRefusedException.class,
                        () -> client.publishTopology(bad.getBytes(StandardCharsets.UTF_8)));
                assertTrue(refused.reason().contains("h9"), refused.reason());
            } else {
                Map<String, TopologyResult> reports = apply(fleet, bad.getBytes(StandardCharsets.UTF_8), 3);
                assertEquals(3, reports.size(), reports.toString());
                for (TopologyResult report : reports.values()) {
                    assertEquals(TopologyOutcome.REJECTED, report.result());
                    assertTrue(report.errors().stream().anyMatch(e -> e.contains("h9")), report.errors().toString());
                }
            }
            assertEquals(2, fleet.node("n3").rev());
            expect(client, outputs, 1, 1, 1);
        }
    }

    /**
     * Across a broker restart (with its store) the runtimes reconnect and resubscribe, inputs sent while they do are
     * not lost, and no auto-placed neuron moves, though a broker that stops publishes every client's Last Will
     * (Mosquitto does so just before it closes the connections, so the nodes hear each other "offline" for a moment):
     * a node holds such a Will while its own link drops and comes back.
     */
    @ParameterizedTest
    @EnumSource(BrokerKind.class)
    void aBrokerRestartLosesNoInputAndMovesNoNeuronThoughItPublishesEveryNodesWill(BrokerKind kind)
            throws InterruptedException {
        try (TestFleet<EdgeRuntime> fleet = EdgeFleet.started(
                TestFleet.builder(EdgeFleet.runtimes(GpioSetting.DEFAULT)).broker(kind).persistent().start());
             FleetClient client = EdgeFleet.client(fleet)) {
            Observer outputs = fleet.observe(Topics.ALL_OUTPUTS);
            applyOk(fleet, client, TestFleet.example("xor-auto.json"), 1);
            Map<String, Set<String>> placed = new TreeMap<>();
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                placed.clear();
                EdgeFleet.NODES.forEach(n -> placed.put(n, Set.copyOf(fleet.node(n).hostedNeurons())));
                return placed.values().stream().mapToInt(Set::size).sum() == 6
                        && placed.values().stream().flatMap(Set::stream).distinct().count() == 6;
            });
            List<String> moves = new CopyOnWriteArrayList<>();
            AtomicBoolean watching = new AtomicBoolean(true);
            Thread sampler = Thread.ofVirtual().start(() -> {
                while (watching.get()) {
                    placed.forEach((node, hosted) -> {
                        Set<String> now = fleet.node(node).hostedNeurons();
                        if (!now.equals(hosted)) {
                            moves.add(node + " hosted " + now + " instead of " + hosted);
                        }
                    });
                    LockSupport.parkNanos(500_000);
                }
            });
            try {
                prime(client, outputs);
                expect(client, outputs, 0, 1, 1);
                fleet.broker().restart();
                // Sent at once, while the runtimes reconnect: their persistent sessions keep the inputs.
                for (int[] state : STATES) {
                    expect(client, outputs, state[0], state[1], state[0] ^ state[1]);
                }
                expect(client, outputs, 1, 0, 1);
                await().atMost(Duration.ofSeconds(30)).until(() -> EdgeFleet.NODES.stream()
                        .allMatch(n -> fleet.node(n).linkStats().connects() >= 2));
                // Beyond the silence allowance (3.5 s) after the last node came back: a Will held that long counts.
                await("no neuron moves").during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6))
                        .untilAsserted(() -> assertEquals(List.of(), moves.stream().distinct().limit(5).toList()));
            } finally {
                watching.set(false);
                sampler.join(Duration.ofSeconds(1));
            }
        }
    }
}
