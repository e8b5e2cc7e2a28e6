package io.neuromesh.edge.it;

import io.neuromesh.edge.EdgeConfig;
import io.neuromesh.edge.EdgeRuntime;
import io.neuromesh.edge.FleetClient;
import io.neuromesh.edge.Topics;
import io.neuromesh.edge.internal.presence.NodeStatusPresence;
import io.neuromesh.edge.wire.NodeStatus;
import io.neuromesh.edge.wire.NodeStatusCodec;
import io.neuromesh.mqtt.InboundMessage;
import io.neuromesh.mqtt.MqttLink;
import io.neuromesh.mqtt.Subscription;
import io.neuromesh.mqtt.presence.PresenceWatcher;
import io.neuromesh.testkit.broker.BrokerKind;
import io.neuromesh.testkit.fleet.Observer;
import io.neuromesh.testkit.fleet.TestFleet;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.neuromesh.edge.it.EdgeFleet.TIMEOUT;
import static io.neuromesh.edge.it.EdgeFleet.applyOk;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Status deltas on both brokers: the retained status lists every hosted neuron, the heartbeats after it are compact
 * and not retained, a peer and an operator's client keep the hosted set through them, and moving a neuron republishes
 * the full retained status.
 */
@Timeout(120)
class CompactStatusIT {

    private static final AtomicInteger FRESH = new AtomicInteger();

    @ParameterizedTest
    @EnumSource(BrokerKind.class)
    void theRetainedStatusIsFullHeartbeatsAreCompactAndReadersKeepTheHostedSet(BrokerKind kind) throws Exception {
        try (TestFleet<EdgeRuntime> fleet = EdgeFleet.xor(kind); FleetClient client = EdgeFleet.client(fleet);
             MqttLink peerLink = MqttLink.builder().broker(URI.create(fleet.uri())).clientId("peer-it").build()) {
            applyOk(fleet, client, TestFleet.example("xor.json"), 1);
            // What every runtime runs to watch its peers: the presence watcher with the node status codec.
            PresenceWatcher<NodeStatus> peer = PresenceWatcher.builder(peerLink, Topics.ALL_STATUSES,
                            NodeStatusPresence.watching(EdgeConfig.DEFAULT_HEARTBEAT, EdgeConfig.DEFAULT_OFFLINE_AFTER))
                    .offlineAfter(EdgeConfig.DEFAULT_OFFLINE_AFTER).listener(Runnable::run, event -> { }).build();
            peerLink.start();
            peer.start().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            Observer n1 = fleet.observe(Topics.nodeStatus("n1"));

            // Heartbeats (one a second) that only refresh liveness are compact: no list, its count and digest.
            await().atMost(TIMEOUT).until(() -> compact(n1).size() >= 2);
            String beat = compact(n1).getLast();
            assertTrue(beat.contains("\"neuronCount\":2,\"neuronsDigest\":\""), beat);
            Instant beatAt = NodeStatusCodec.decode(beat.getBytes(StandardCharsets.UTF_8), null).timestamp();
            // Not retained: a fresh subscriber still gets the full status, as mosquitto_sub or `neuromesh nodes` do.
            assertEquals(List.of("x", "y"), retained(fleet, "n1").neurons());

            // The peer and the client merged the heartbeats: the hosted set is kept, the liveness is the heartbeat's.
            await().atMost(TIMEOUT).untilAsserted(() -> {
                for (NodeStatus seen : List.of(peer.online().get("n1"), client.nodes().get("n1"))) {
                    assertNotNull(seen);
                    assertEquals(List.of("x", "y"), seen.neurons(), seen.toString());
                    assertTrue(seen.neuronsKnown(), seen.toString());
                    assertTrue(!seen.timestamp().isBefore(beatAt), seen + " is older than the heartbeat at " + beatAt);
                }
            });
            assertEquals(0, peer.malformed(), "every heartbeat was read");

            // Moving x to n2 changes both hosted sets: each node republishes its full retained status.
            n1.clear();
            applyOk(fleet, client, new String(TestFleet.example("xor.json"), StandardCharsets.UTF_8)
                    .replace("\"rev\": 1", "\"rev\": 2")
                    .replace("{ \"id\": \"x\",  \"node\": \"n1\" }", "{ \"id\": \"x\",  \"node\": \"n2\" }")
                    .getBytes(StandardCharsets.UTF_8), 2);
            await().atMost(TIMEOUT).untilAsserted(() -> {
                assertEquals(List.of("y"), retained(fleet, "n1").neurons());
                assertTrue(retained(fleet, "n2").neurons().contains("x"));
                assertEquals(List.of("y"), peer.online().get("n1").neurons());
                assertTrue(peer.online().get("n2").neurons().contains("x"));
                assertEquals(List.of("y"), client.nodes().get("n1").neurons());
            });
            assertTrue(n1.history().stream().anyMatch(m -> m.payload().contains("\"neurons\":[\"y\"]")),
                    "the change went as a full status: " + n1.history());
            // And the heartbeats after it are compact again, of the new set.
            await().atMost(TIMEOUT).until(() -> compact(n1).stream().anyMatch(p -> p.contains("\"neuronCount\":1,")));
            await().atMost(TIMEOUT).untilAsserted(() -> {
                NodeStatus seen = peer.online().get("n1");
                assertTrue(seen.neuronsKnown() && seen.neurons().equals(List.of("y")), seen.toString());
            });
            peer.close();
        }
    }

    /** The compact heartbeats {@code observer} saw, in order. */
    private static List<String> compact(Observer observer) {
        return observer.history().stream().map(Observer.Message::payload)
                .filter(p -> p.contains("\"neuronsDigest\"") && !p.contains("\"neurons\"")).toList();
    }

    /** What a new subscriber gets first on {@code node}'s status topic: the retained status, which must be full. */
    private static NodeStatus retained(TestFleet<?> fleet, String node) throws Exception {
        try (MqttLink fresh = MqttLink.builder().broker(URI.create(fleet.uri()))
                .clientId("fresh-" + FRESH.incrementAndGet()).build()) {
            fresh.start();
            BlockingQueue<InboundMessage> messages = new LinkedBlockingQueue<>();
            fresh.subscribe(Subscription.of(Topics.nodeStatus(node)), messages::add);
            InboundMessage first = messages.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            assertNotNull(first, "nothing retained on " + Topics.nodeStatus(node));
            assertTrue(first.retained(), "the first message is the retained one");
            // decode(payload) reads full statuses only: a compact heartbeat here would fail.
            return NodeStatusCodec.decode(first.payload());
        }
    }
}
