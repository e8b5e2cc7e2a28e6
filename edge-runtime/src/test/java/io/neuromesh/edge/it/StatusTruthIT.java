package io.neuromesh.edge.it;

import io.neuromesh.edge.EdgeRuntime;
import io.neuromesh.edge.FleetClient;
import io.neuromesh.edge.FleetClient.FleetEvent;
import io.neuromesh.edge.Topics;
import io.neuromesh.edge.wire.NodeState;
import io.neuromesh.edge.wire.NodeStatus;
import io.neuromesh.testkit.broker.BrokerKind;
import io.neuromesh.testkit.fleet.Observer;
import io.neuromesh.testkit.fleet.TestFleet;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static io.neuromesh.edge.it.EdgeFleet.TIMEOUT;
import static io.neuromesh.edge.it.EdgeFleet.applyOk;
import static io.neuromesh.edge.it.EdgeFleet.awaitSettled;
import static io.neuromesh.edge.it.EdgeFleet.expect;
import static io.neuromesh.edge.it.EdgeFleet.prime;
import static io.neuromesh.edge.it.EdgeFleet.valueOf;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the fleet reports is true: a node's status shows a topology before its result says it applied it, {@code fire}
 * on a level neuron is a pulse, a malformed input shows in {@code logs}, and a crashed node's status says when it went
 * (and who saw it), on both brokers.
 */
@Timeout(120)
class StatusTruthIT {

    private static List<FleetEvent> events(FleetClient client, String kind) {
        return client.logs(Instant.EPOCH, TIMEOUT).events().stream().filter(e -> e.kind().equals(kind)).toList();
    }

    @ParameterizedTest
    @EnumSource(BrokerKind.class)
    void fireIsAPulseBadInputIsLoggedAndACrashIsDated(BrokerKind kind) {
        try (TestFleet<EdgeRuntime> fleet = EdgeFleet.xor(kind); FleetClient client = EdgeFleet.client(fleet)) {
            Observer outputs = fleet.observe(Topics.ALL_OUTPUTS);
            applyOk(fleet, client, TestFleet.example("xor.json"), 1);
            // The same network as rev 2: every node hosts what it hosted, so only the topology in its status changes.
            // A client that counts a node done on its result then reads its status at that rev: it came first.
            Observer nodes = fleet.observe("neuromesh/nodes/#");
            byte[] again = new String(TestFleet.example("xor.json"), StandardCharsets.UTF_8)
                    .replace("\"rev\": 1,", "\"rev\": 2,").getBytes(StandardCharsets.UTF_8);
            applyOk(fleet, client, again, 2);
            for (String node : EdgeFleet.NODES) {
                await().atMost(TIMEOUT).until(() -> nodes.history(Topics.nodeTopology(node)).stream()
                        .anyMatch(m -> m.payload().contains("\"rev\":2,")));
                List<String> topics = nodes.history().stream().filter(m -> m.payload().contains("\"rev\":2,"))
                        .map(Observer.Message::topic)
                        .filter(t -> t.equals(Topics.nodeTopology(node)) || t.equals(Topics.nodeStatus(node))).toList();
                assertEquals(Topics.nodeStatus(node), topics.get(0), "the status at rev 2, then the result: " + topics);
            }
            prime(client, outputs);
            expect(client, outputs, 1, 0, 1);

            // h2 (level, x AND y) is forced to 1: z goes 0, then h2 returns to what x=1, y=0 say (0), and z to 1.
            client.fire("h2");
            await().atMost(TIMEOUT).until(() -> outputs.history(Topics.output("h2")).stream()
                    .anyMatch(m -> valueOf(m.payload()) == 1));
            awaitSettled(outputs, "h2", 0);
            awaitSettled(outputs, "z", 1);
            assertEquals(List.of("h2 fires (forced)"), events(client, "forced").stream().map(FleetEvent::text).toList());
            assertEquals(1, events(client, "settled").size());
            assertEquals(0, client.inspect("h2", TIMEOUT).orElseThrow().neuron().output());

            fleet.publish(Topics.input("x"), "{\"from\":\"sensor_x\",\"value\":\"high\"}"
                    .getBytes(StandardCharsets.UTF_8), false);
            await().atMost(TIMEOUT).untilAsserted(() -> assertEquals(
                    List.of("input rejected: value: must be a finite number, got \"high\""),
                    events(client, "rejected").stream().map(FleetEvent::text).toList()));
            expect(client, outputs, 1, 1, 0);

            // A crash (the connection dropped without DISCONNECT, as kill -9 does): the broker sends n3's Last Will,
            // which carries n3's connect time; n1, the lowest online id, republishes it with the time it saw it.
            Instant crashed = Instant.now();
            fleet.node("n3").abort();
            await().atMost(TIMEOUT).untilAsserted(() -> {
                NodeStatus n3 = client.nodes().get("n3");
                assertEquals(NodeState.OFFLINE, n3.state());
                assertEquals(Optional.of("n1"), n3.reportedBy(), n3.toString());
                assertEquals(Optional.of(NodeStatus.CONNECTION_LOST), n3.reason());
                Duration after = Duration.between(crashed, n3.timestamp());
                assertTrue(!after.isNegative() && after.compareTo(Duration.ofSeconds(2)) < 0,
                        "dated when it went, not when it connected: " + after.toMillis() + " ms after the crash");
            });
            assertEquals(NodeState.ONLINE, client.nodes().get("n1").state(), "n1 is untouched");
        }
    }
}
