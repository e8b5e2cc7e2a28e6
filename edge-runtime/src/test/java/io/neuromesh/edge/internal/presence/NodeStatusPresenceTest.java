package io.neuromesh.edge.internal.presence;

import io.neuromesh.edge.wire.HeartbeatForm;
import io.neuromesh.edge.wire.NodeState;
import io.neuromesh.edge.wire.NodeStatus;
import io.neuromesh.edge.wire.NodeStatusCodec;
import io.neuromesh.mqtt.Qos;
import io.neuromesh.mqtt.Will;
import io.neuromesh.mqtt.presence.Announcement;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import static io.neuromesh.edge.internal.presence.NodeStatusPresence.CODEC;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NodeStatusPresenceTest {

    private static final Instant TS = Instant.ofEpochMilli(1_767_225_600_000L);
    private static final NodeStatus.Running RUNNING = new NodeStatus.Running("3f2a", 1, "1a26", TS.minusSeconds(100),
            12, 0, 31, 6028, 0, 0, Optional.empty());

    private static NodeStatus live(NodeState state, String node, String... neurons) {
        return NodeStatus.live(state, node, List.of(neurons), TS, RUNNING);
    }

    private static String rejected(String node, String payload) {
        return assertThrows(IllegalArgumentException.class,
                () -> CODEC.decode(node, payload.getBytes(StandardCharsets.UTF_8))).getMessage();
    }

    @Test
    void writesAndReadsTheWireStatusUnchanged() {
        NodeStatus status = live(NodeState.ONLINE, "n2", "x", "y");
        assertArrayEquals(NodeStatusCodec.encode(status), CODEC.encode(status));
        assertEquals(status, CODEC.decode("n2", CODEC.encode(status)));
    }

    @Test
    void onlyAnOnlineNodeCountsOnlineLeavingAndOfflineLeaveAtOnce() {
        assertTrue(CODEC.online(live(NodeState.ONLINE, "n2")));
        assertFalse(CODEC.online(live(NodeState.LEAVING, "n2", "z")));
        assertFalse(CODEC.online(NodeStatus.offline("n2", "connection lost", TS)));
    }

    @Test
    void aRetainedStatusIsAgedByItsOwnTimestampAndSilenceUsesTheConfiguredTimeout() {
        assertEquals(TS, CODEC.sentAt(live(NodeState.ONLINE, "n2")));
        assertEquals(TS, CODEC.sentAt(NodeStatus.offline("n2", "shutdown", TS)));
        assertNull(CODEC.offlineAfter(live(NodeState.ONLINE, "n2")), "the watcher's offlineAfter applies");
    }

    @Test
    void aWatchingNodeAllowsAPeerAsManyMissedHeartbeatsAsItAllowsItselfButNeverLessThanItsOwnTimeout() {
        NodeStatusPresence watching = NodeStatusPresence.watching(Duration.ofSeconds(1), Duration.ofMillis(3_500));
        NodeStatus.Running beatsEvery6s = new NodeStatus.Running("3f2a", 1, "1a26", TS.minusSeconds(100), 12, 0, 31,
                6028, 0, 0, Optional.empty(), Optional.of(Duration.ofSeconds(6)));
        NodeStatus.Running beatsEvery200ms = new NodeStatus.Running("3f2a", 1, "1a26", TS.minusSeconds(100), 12, 0,
                31, 6028, 0, 0, Optional.empty(), Optional.of(Duration.ofMillis(200)));
        assertEquals(Duration.ofMillis(21_000),
                watching.offlineAfter(NodeStatus.live(NodeState.ONLINE, "n2", List.of(), TS, beatsEvery6s)));
        assertEquals(Duration.ofMillis(3_500),
                watching.offlineAfter(NodeStatus.live(NodeState.ONLINE, "n2", List.of(), TS, beatsEvery200ms)));
        assertEquals(Duration.ofMillis(3_500), watching.offlineAfter(live(NodeState.ONLINE, "n2")),
                "a status without heartbeatMs (an older node) gets the watcher's own timeout");
        assertEquals(Duration.ofMillis(21_000), watching.allowance(Duration.ofSeconds(6)),
                "what a node set so announces about itself when it beats every 6 s");
        assertEquals(Duration.ofMillis(3_500), watching.allowance(Duration.ofMillis(200)));
        byte[] written = watching.encode(NodeStatus.live(NodeState.ONLINE, "n2", List.of(), TS, beatsEvery6s));
        assertTrue(new String(written, StandardCharsets.UTF_8).contains("\"heartbeatMs\":6000"));
        assertEquals(Optional.of(Duration.ofSeconds(6)), watching.decode("n2", written).running().get().heartbeat());
        assertEquals(Duration.ofSeconds(6), watching.interval(watching.decode("n2", written)),
                "the interval a node hearing its own status checks its echo against");
        assertNull(watching.interval(live(NodeState.ONLINE, "n2")), "not said: no echo check");
    }

    @Test
    void anUnreadableStatusIsRejectedWithTheWireCodecsMessage() {
        assertTrue(rejected("n2", "{\"state\":").startsWith("node status: not JSON"));
        assertEquals("node status: state: must be one of online, leaving, offline, got \"busy\"",
                rejected("n2", "{\"state\":\"busy\",\"node\":\"n2\"}"));
    }

    @Test
    void aStatusNamingAnotherNodeThanItsTopicIsRejected() {
        byte[] n3 = CODEC.encode(live(NodeState.ONLINE, "n3", "x"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CODEC.decode("n2", n3));
        assertEquals("node: the status on neuromesh/nodes/n2/status names node n3", e.getMessage());
    }

    @Test
    void theAnnouncementsLastWillIsTheRetainedOfflineStatusAndHeartbeatsGoAtQos0() {
        Announcement<NodeStatus> a = NodeStatusPresence.announcement("n1", Duration.ofSeconds(1));
        assertEquals("neuromesh/nodes/n1/status", a.topic());
        assertEquals(Qos.AT_MOST_ONCE, a.heartbeatQos());
        assertEquals(Duration.ofSeconds(1), a.heartbeat());
        Will will = a.will();
        assertTrue(will.retained());
        assertEquals(Qos.AT_LEAST_ONCE, will.qos());
        NodeStatus lastWill = CODEC.decode("n1", will.payload());
        assertEquals(NodeState.OFFLINE, lastWill.state());
        assertEquals("connection lost", lastWill.reason().orElseThrow());
    }

    @Test
    void onlyANodeHostingMoreThanTheThresholdSendsCompactHeartbeats() {
        assertEquals(1_000, NodeStatusPresence.COMPACT_ABOVE_NEURONS);
        assertEquals(HeartbeatForm.FULL, NodeStatusPresence.heartbeatsFor(0));
        assertEquals(HeartbeatForm.FULL, NodeStatusPresence.heartbeatsFor(NodeStatusPresence.COMPACT_ABOVE_NEURONS));
        assertEquals(HeartbeatForm.COMPACT,
                NodeStatusPresence.heartbeatsFor(NodeStatusPresence.COMPACT_ABOVE_NEURONS + 1));
        assertEquals(HeartbeatForm.COMPACT, NodeStatusPresence.heartbeatsFor(100_000));
    }

    @Test
    void aStatusThatSaysItsHeartbeatsAreFullGoesInFullEveryHeartbeat() {
        NodeStatus.Running full = new NodeStatus.Running("3f2a", 1, "1a26", TS.minusSeconds(100), 12, 0, 31, 6028,
                0, 0, Optional.empty(), Optional.of(Duration.ofSeconds(2)), HeartbeatForm.FULL);
        NodeStatus retained = NodeStatus.live(NodeState.ONLINE, "n1", List.of("x", "y"), TS, full);
        assertNull(CODEC.encodeHeartbeat(NodeStatus.live(NodeState.ONLINE, "n1", List.of("x", "y"),
                TS.plusSeconds(2), full), retained), "only liveness changed, and still the full status, retained");
    }

    @Test
    void aHeartbeatIsCompactWhileOnlyLivenessChangedAndTheRetainedStatusIsRecentElseFull() throws Exception {
        NodeStatus.Running beating = new NodeStatus.Running("3f2a", 1, "1a26", TS.minusSeconds(100), 12, 0, 31, 6028,
                0, 0, Optional.empty(), Optional.of(Duration.ofSeconds(2)), HeartbeatForm.COMPACT);
        NodeStatus retained = NodeStatus.live(NodeState.ONLINE, "n1", List.of("x", "y"), TS, beating);
        NodeStatus soon = NodeStatus.live(NodeState.ONLINE, "n1", List.of("x", "y"), TS.plusSeconds(2), beating);
        byte[] compact = CODEC.encodeHeartbeat(soon, retained);
        assertArrayEquals(NodeStatusCodec.encodeHeartbeat(soon), compact);
        assertEquals(soon, CODEC.decode("n1", compact, retained), "merged into the status held");

        assertNull(CODEC.encodeHeartbeat(NodeStatus.live(NodeState.ONLINE, "n1", List.of("x"), TS.plusSeconds(2),
                beating), retained), "a changed hosted set goes in full");
        Instant due = TS.plus(Duration.ofSeconds(2).multipliedBy(NodeStatusPresence.FULL_EVERY_BEATS));
        NodeStatus justBefore = NodeStatus.live(NodeState.ONLINE, "n1", List.of("x", "y"), due.minusMillis(1), beating);
        assertArrayEquals(NodeStatusCodec.encodeHeartbeat(justBefore), CODEC.encodeHeartbeat(justBefore, retained));
        assertNull(CODEC.encodeHeartbeat(NodeStatus.live(NodeState.ONLINE, "n1", List.of("x", "y"), due, beating),
                retained), "the retained status is refreshed every " + NodeStatusPresence.FULL_EVERY_BEATS + " beats");
        NodeStatus.Running silent = new NodeStatus.Running("3f2a", 1, "1a26", TS.minusSeconds(100), 12, 0, 31, 6028,
                0, 0, Optional.empty(), Optional.empty(), HeartbeatForm.COMPACT);
        NodeStatus noInterval = NodeStatus.live(NodeState.ONLINE, "n1", List.of("x", "y"), TS, silent);
        assertNull(CODEC.encodeHeartbeat(noInterval, noInterval), "a status that announces no interval goes in full");
    }

    /**
     * The measurement of docs/wire.md: bytes per heartbeat as the announcer sends them (the compact heartbeat when
     * the codec gives one, else the full status), with a real instance id and content hash and the bench's ids.
     */
    @Test
    void aHeartbeatOfA100000NeuronNodeIsCompactAndOneOfATenNeuronNodeIsTheFullStatusAsBefore() {
        for (int hosted : new int[] {10, 1_000, 1_001, 100_000}) {
            List<String> neurons = IntStream.range(0, hosted).mapToObj(i -> "n" + Integer.toString(i, 36)).toList();
            NodeStatus.Running running = new NodeStatus.Running("6c1c4b36-2f0e-4a8e-9d55-0b5c7e1f3a92", 1,
                    "1a26a146d8e3e53b1a26a146d8e3e53b1a26a146d8e3e53b1a26a146d8e3e53b", TS.minusSeconds(100), 12.5, 0,
                    31, 6028, 0, 0, Optional.empty(), Optional.of(Duration.ofSeconds(1)),
                    NodeStatusPresence.heartbeatsFor(hosted));
            NodeStatus retained = NodeStatus.live(NodeState.ONLINE, "n1", neurons, TS, running);
            NodeStatus beat = NodeStatus.live(NodeState.ONLINE, "n1", neurons, TS.plusSeconds(1), running);
            int before = NodeStatusCodec.encode(beat).length;
            long start = System.nanoTime();
            byte[] compact = CODEC.encodeHeartbeat(beat, retained);
            long first = System.nanoTime() - start;
            start = System.nanoTime();
            CODEC.encodeHeartbeat(beat, retained);
            long second = System.nanoTime() - start;
            int after = compact == null ? before : compact.length;
            System.out.printf("node hosting %,d neurons: %,d bytes per heartbeat before, %,d after"
                    + " (encoded in %.2f ms, then %.2f ms with the digest cached)%n", hosted, before, after,
                    first / 1e6, second / 1e6);
            if (hosted <= NodeStatusPresence.COMPACT_ABOVE_NEURONS) {
                assertNull(compact, "every heartbeat is the full status, as before");
            } else {
                assertTrue(after < 450, hosted + ": " + after);
            }
        }
    }
}
