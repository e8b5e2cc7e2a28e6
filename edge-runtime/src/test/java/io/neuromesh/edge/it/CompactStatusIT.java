package io.neuromesh.edge.it;

import io.neuromesh.edge.EdgeConfig;
import io.neuromesh.edge.EdgeRuntime;
import io.neuromesh.edge.FleetClient;
import io.neuromesh.edge.Topics;
import io.neuromesh.edge.internal.presence.NodeStatusPresence;
import io.neuromesh.edge.wire.HeartbeatForm;
import io.neuromesh.edge.wire.NodeStatus;
import io.neuromesh.edge.wire.NodeStatusCodec;
import io.neuromesh.mqtt.InboundMessage;
import io.neuromesh.mqtt.MqttLink;
import io.neuromesh.mqtt.Subscription;
import io.neuromesh.mqtt.presence.PresenceWatcher;
import io.neuromesh.testkit.broker.BrokerKind;
import io.neuromesh.testkit.fleet.Observer;
import io.neuromesh.testkit.fleet.TestFleet;
import io.neuromesh.topology.NeuronSpec;
import io.neuromesh.topology.Topology;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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
 * Status deltas on both brokers: a node hosting more than {@link NodeStatusPresence#COMPACT_ABOVE_NEURONS} neurons
 * says so in its full retained status, sends compact, not-retained heartbeats between full ones, and a peer and an
 * operator's client keep the hosted set through them; moving a neuron republishes the full retained status, once per
 * change; a node below the threshold sends its full status, retained, every heartbeat, as before.
 */
@Timeout(120)
class CompactStatusIT {

    private static final AtomicInteger FRESH = new AtomicInteger();
    /** Neurons with no synapse on n1, besides x and y: just above the threshold. */
    private static final int IDLE = NodeStatusPresence.COMPACT_ABOVE_NEURONS;

    @ParameterizedTest
    @EnumSource(BrokerKind.class)
    void aLargeNodesRetainedStatusIsFullItsHeartbeatsCompactAndReadersKeepTheHostedSet(BrokerKind kind)
            throws Exception {
        try (TestFleet<EdgeRuntime> fleet = EdgeFleet.xor(kind); FleetClient client = EdgeFleet.client(fleet);
             MqttLink peerLink = MqttLink.builder().broker(URI.create(fleet.uri())).clientId("peer-it").build()) {
            Observer n1 = fleet.observe(Topics.nodeStatus("n1"));
            Observer n2 = fleet.observe(Topics.nodeStatus("n2"));
            applyOk(fleet, client, xorWithIdle(1, "n1"), 1);
            // What every runtime runs to watch its peers: the presence watcher with the node status codec.
            PresenceWatcher<NodeStatus> peer = PresenceWatcher.builder(peerLink, Topics.ALL_STATUSES,
                            NodeStatusPresence.watching(EdgeConfig.DEFAULT_HEARTBEAT, EdgeConfig.DEFAULT_OFFLINE_AFTER))
                    .offlineAfter(EdgeConfig.DEFAULT_OFFLINE_AFTER).listener(Runnable::run, event -> { }).build();
            peerLink.start();
            peer.start().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            List<String> hosted = retained(fleet, "n1").neurons();
            assertEquals(IDLE + 2, hosted.size(), "n1 hosts x, y and the idle neurons");

            // Heartbeats (one a second) that only refresh liveness are compact: no list, its count and digest.
            await().atMost(TIMEOUT).until(() -> compact(n1).size() >= 2);
            String beat = compact(n1).getLast();
            assertTrue(beat.contains("\"neuronCount\":" + (IDLE + 2) + ",\"neuronsDigest\":\""), beat);
            Instant beatAt = NodeStatusCodec.decode(beat.getBytes(StandardCharsets.UTF_8), null).timestamp();
            // Not retained: a fresh subscriber still gets the full status, which says its heartbeats are compact.
            NodeStatus full = retained(fleet, "n1");
            assertEquals(hosted, full.neurons());
            assertEquals(HeartbeatForm.COMPACT, full.running().orElseThrow().heartbeats());

            // The peer and the client merged the heartbeats: the hosted set is kept, the liveness is the heartbeat's.
            await().atMost(TIMEOUT).untilAsserted(() -> {
                for (NodeStatus seen : List.of(peer.online().get("n1"), client.nodes().get("n1"))) {
                    assertNotNull(seen);
                    assertEquals(hosted, seen.neurons());
                    assertTrue(seen.neuronsKnown(), "n1's hosted set is known");
                    assertTrue(!seen.timestamp().isBefore(beatAt), seen.timestamp() + " is before " + beatAt);
                }
            });
            assertEquals(0, peer.malformed(), "every heartbeat was read");

            // n2, below the threshold: every heartbeat is its full status, retained, with no mark.
            n2.clear();
            await().atMost(TIMEOUT).until(() -> n2.history().size() >= 3);
            for (Observer.Message message : n2.history()) {
                assertTrue(message.payload().contains("\"neurons\":[") && !message.payload().contains("neuronsDigest")
                        && !message.payload().contains("\"heartbeats\""), message.payload());
            }
            assertEquals(HeartbeatForm.FULL, retained(fleet, "n2").running().orElseThrow().heartbeats());

            // A one-shot reader: n1's next heartbeat comes within its interval, and its liveness is fresh.
            try (FleetClient once = EdgeFleet.client(fleet)) {
                Instant retainedAt = retained(fleet, "n1").timestamp();
                assertEquals(Set.of(), once.awaitFreshLiveness(TIMEOUT));
                NodeStatus read = once.nodes().get("n1");
                assertTrue(read.timestamp().isAfter(retainedAt) || read.timestamp().equals(retainedAt), read.timestamp()
                        + " is before the retained " + retainedAt);
                assertEquals(hosted, read.neurons());
            }

            // Moving x to n2 changes both hosted sets: each node republishes its full retained status.
            n1.clear();
            applyOk(fleet, client, xorWithIdle(2, "n2"), 2);
            await().atMost(TIMEOUT).untilAsserted(() -> {
                assertEquals(IDLE + 1, retained(fleet, "n1").neurons().size());
                assertTrue(retained(fleet, "n2").neurons().contains("x"));
                assertEquals(IDLE + 1, peer.online().get("n1").neurons().size());
                assertTrue(peer.online().get("n2").neurons().contains("x"));
                assertEquals(IDLE + 1, client.nodes().get("n1").neurons().size());
            });
            assertTrue(n1.history().stream().anyMatch(m -> m.payload().contains("\"neurons\":[\"")
                    && !m.payload().contains("\"x\"")), "the change went as a full status");
            // And the heartbeats after it are compact again, of the new set.
            await().atMost(TIMEOUT).until(() -> compact(n1).stream()
                    .anyMatch(p -> p.contains("\"neuronCount\":" + (IDLE + 1) + ",")));
            await().atMost(TIMEOUT).untilAsserted(() -> {
                NodeStatus seen = peer.online().get("n1");
                assertTrue(seen.neuronsKnown() && seen.neurons().size() == IDLE + 1 && !seen.neurons().contains("x"),
                        "n1 no longer hosts x");
            });

            // An apply that gives n1 more neurons: its new status goes out once, before its result (it went twice:
            // once for the new hosted set, once more, equal, with the result).
            Observer n1Result = fleet.observe(Topics.nodeTopology("n1"));
            n1.clear();
            applyOk(fleet, client, xorWithIdle(3, "n2", IDLE + 5), 3);
            await().atMost(TIMEOUT).until(() -> n1Result.history().stream()
                    .anyMatch(m -> m.payload().contains("\"rev\":3,")));
            long resultAt = n1Result.history().stream().filter(m -> m.payload().contains("\"rev\":3,")).findFirst()
                    .orElseThrow().arrivedNanos();
            List<String> before = n1.history().stream().filter(m -> m.arrivedNanos() < resultAt)
                    .map(Observer.Message::payload).filter(p -> p.contains("\"neurons\":[")).toList();
            assertEquals(1, before.stream().filter(p -> p.contains("\"idle" + (IDLE + 4) + "\"")).count(),
                    "one full status with the new neurons before the result: " + before.size() + " full statuses");
            peer.close();
        }
    }

    /** examples/xor.json at {@code rev} with x on {@code xNode} and {@link #IDLE} more neurons, with no synapse, on n1. */
    static byte[] xorWithIdle(long rev, String xNode) {
        return xorWithIdle(rev, xNode, IDLE);
    }

    /** {@link #xorWithIdle(long, String)} with {@code idle} neurons with no synapse on n1. */
    static byte[] xorWithIdle(long rev, String xNode, int idle) {
        Topology xor = Topology.parse(TestFleet.example("xor.json"));
        List<NeuronSpec> neurons = new ArrayList<>();
        for (NeuronSpec n : xor.neurons()) {
            neurons.add(new NeuronSpec(n.id(), n.id().equals("x") ? xNode : n.node(), n.threshold(), n.mode(),
                    n.inputWindow(), n.refractory(), n.requires()));
        }
        for (int i = 0; i < idle; i++) {
            neurons.add(NeuronSpec.level("idle" + i, "n1", 1));
        }
        return new Topology(rev, xor.name(), xor.defaults(), xor.nodes(), xor.sensors(), neurons, xor.synapses(),
                xor.actuators()).toJson().getBytes(StandardCharsets.UTF_8);
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
