package io.neuromesh.edge.wire;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Compact heartbeats: their shape, how a reader merges them, what is refused, and what they save. */
class CompactHeartbeatTest {

    private static final Instant TS = Instant.ofEpochMilli(1_767_225_600_000L);
    private static final List<String> XY = List.of("x", "y");

    private static NodeStatus.Running running(long rev, double inputsPerSecond) {
        return new NodeStatus.Running("3f2a", rev, "1a26", TS.minusSeconds(100), inputsPerSecond, 0, 31, 6028, 2, 1,
                Optional.empty(), Optional.of(Duration.ofSeconds(1)));
    }

    private static NodeStatus online(List<String> neurons, Instant ts, double inputsPerSecond) {
        return NodeStatus.live(NodeState.ONLINE, "n1", neurons, ts, running(1, inputsPerSecond));
    }

    private static String text(byte[] payload) {
        return new String(payload, StandardCharsets.UTF_8);
    }

    private static NodeStatus read(String text, NodeStatus held) throws WireFormatException {
        return NodeStatusCodec.decode(text.getBytes(StandardCharsets.UTF_8), held);
    }

    @Test
    void aCompactHeartbeatHasEveryFieldButTheListWhichItNamesByCountAndDigest() {
        assertEquals("{\"v\":1,\"state\":\"online\",\"node\":\"n1\",\"instance\":\"3f2a\",\"neuronCount\":2,"
                + "\"neuronsDigest\":\"" + CompactHeartbeat.digest(XY) + "\",\"rev\":1,\"hash\":\"1a26\","
                + "\"ts\":1767225600000,\"since\":1767225500000,\"inputsPerSecond\":12.0,\"queue\":0,\"heapUsedMb\":31,"
                + "\"heapMaxMb\":6028,\"malformed\":2,\"dropped\":1,\"heartbeatMs\":1000}",
                text(NodeStatusCodec.encodeHeartbeat(online(XY, TS, 12))));
        assertTrue(CompactHeartbeat.digest(XY).matches("[0-9a-f]{16}"));
        assertNotEquals(CompactHeartbeat.digest(XY), CompactHeartbeat.digest(List.of("y", "x")));
        assertNotEquals(CompactHeartbeat.digest(List.of("xy")), CompactHeartbeat.digest(XY));
    }

    @Test
    void mergedIntoTheFullStatusHeldItKeepsThatListAndTakesEverythingElseFromTheHeartbeat() throws Exception {
        NodeStatus held = online(XY, TS, 12);
        NodeStatus later = online(XY, TS.plusSeconds(1), 40);
        NodeStatus merged = NodeStatusCodec.decode(NodeStatusCodec.encodeHeartbeat(later), held);
        assertEquals(later, merged);
        assertTrue(merged.neuronsKnown());
        assertEquals(later, NodeStatusCodec.decode(NodeStatusCodec.encode(later), held), "a full status wins");
    }

    @Test
    void aHeartbeatThatDoesNotMatchWhatIsHeldKeepsItsLivenessAndTheLastKnownSetMarkedUnknown() throws Exception {
        NodeStatus held = online(XY, TS, 12);
        NodeStatus moved = online(List.of("y"), TS.plusSeconds(1), 40);
        NodeStatus merged = NodeStatusCodec.decode(NodeStatusCodec.encodeHeartbeat(moved), held);
        assertFalse(merged.neuronsKnown());
        assertEquals(XY, merged.neurons(), "the last set known, not an empty one");
        assertEquals(moved.timestamp(), merged.timestamp());
        assertEquals(moved.running(), merged.running());

        NodeStatus nothingHeld = NodeStatusCodec.decode(NodeStatusCodec.encodeHeartbeat(moved), null);
        assertFalse(nothingHeld.neuronsKnown());
        assertEquals(List.of(), nothingHeld.neurons());
        assertTrue(nothingHeld.online(), "liveness is kept");

        NodeStatus will = NodeStatus.offline("n1", NodeStatus.CONNECTION_LOST, TS);
        assertFalse(NodeStatusCodec.decode(NodeStatusCodec.encodeHeartbeat(moved), will).neuronsKnown());
        NodeStatus otherNode = NodeStatus.live(NodeState.ONLINE, "n2", List.of("y"), TS, running(1, 0));
        assertFalse(NodeStatusCodec.decode(NodeStatusCodec.encodeHeartbeat(moved), otherNode).neuronsKnown());

        NodeStatus back = NodeStatusCodec.decode(NodeStatusCodec.encodeHeartbeat(online(XY, TS, 1)), merged);
        assertTrue(back.neuronsKnown(), "a heartbeat matching the last set known makes it known again");
    }

    @Test
    void aReaderOfFullStatusesOnlyIsToldToMerge() {
        byte[] compact = NodeStatusCodec.encodeHeartbeat(online(XY, TS, 12));
        String message = assertThrows(WireFormatException.class, () -> NodeStatusCodec.decode(compact)).getMessage();
        assertEquals("node status: neurons: missing; this is a compact heartbeat, which names the hosted set by"
                + " neuronCount and neuronsDigest: merge it into the last full status held", message);
    }

    @Test
    void onlyALiveStatusWithAKnownSetHasACompactHeartbeat() {
        assertThrows(IllegalArgumentException.class,
                () -> NodeStatusCodec.encodeHeartbeat(NodeStatus.offline("n1", "shutdown", TS)));
        NodeStatus unknown = new NodeStatus(NodeState.ONLINE, "n1", XY, TS, Optional.of(running(1, 0)),
                Optional.empty(), Optional.empty(), false);
        assertEquals("a compact heartbeat is of a live status with a known hosted set, got online with an unknown"
                + " hosted set", assertThrows(IllegalArgumentException.class,
                () -> NodeStatusCodec.encodeHeartbeat(unknown)).getMessage());
    }

    @Test
    void onlyLivenessMayDifferForACompactHeartbeat() {
        NodeStatus retained = online(XY, TS, 12);
        assertTrue(NodeStatusCodec.onlyLivenessDiffers(retained, online(XY, TS.plusSeconds(5), 99)));
        assertFalse(NodeStatusCodec.onlyLivenessDiffers(retained, online(List.of("x"), TS, 12)), "hosted set");
        assertFalse(NodeStatusCodec.onlyLivenessDiffers(retained,
                NodeStatus.live(NodeState.ONLINE, "n1", XY, TS, running(2, 12))), "rev");
        assertFalse(NodeStatusCodec.onlyLivenessDiffers(retained,
                NodeStatus.live(NodeState.LEAVING, "n1", XY, TS, running(1, 12))), "state");
        assertFalse(NodeStatusCodec.onlyLivenessDiffers(retained, NodeStatus.live(NodeState.ONLINE, "n1", XY, TS,
                new NodeStatus.Running("3f2a", 1, "1a26", TS.minusSeconds(100), 12, 0, 31, 6028, 2, 1,
                        Optional.of("not the fleet's"), Optional.empty()))), "topology problem");
        assertFalse(NodeStatusCodec.onlyLivenessDiffers(retained, NodeStatus.offline("n1", "shutdown", TS)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            "neuronCount":-1,"neuronsDigest":"0123456789abcdef" | node status: neuronCount: must be a whole number >= 0, got -1
            "neuronCount":"2","neuronsDigest":"0123456789abcdef" | node status: neuronCount: must be a whole number >= 0, got "2"
            "neuronCount":1.5,"neuronsDigest":"0123456789abcdef" | node status: neuronCount: must be a whole number >= 0, got 1.5
            "neuronsDigest":"0123456789abcdef"                   | node status: neuronCount: missing
            "neuronCount":2                                      | node status: neuronsDigest: missing
            "neuronCount":2,"neuronsDigest":7                    | node status: neuronsDigest: must be a string, got 7
            "neuronCount":2,"neuronsDigest":"0123456789ABCDEF"   | node status: neuronsDigest: must be 16 lowercase hex digits, got "0123456789ABCDEF"
            "neuronCount":2,"neuronsDigest":"abc"                | node status: neuronsDigest: must be 16 lowercase hex digits, got "abc"
            """)
    void rejectsABadCompactHeartbeatSayingWhatIsWrong(String hosted, String reason) {
        String text = "{\"v\":1,\"state\":\"online\",\"node\":\"n1\",\"instance\":\"3f2a\"," + hosted + ",\"rev\":1,"
                + "\"hash\":\"1a26\",\"ts\":1767225600000,\"since\":1767225500000,\"inputsPerSecond\":12.0,"
                + "\"queue\":0,\"heapUsedMb\":31,\"heapMaxMb\":6028,\"malformed\":2,\"dropped\":1}";
        assertEquals(reason, assertThrows(WireFormatException.class, () -> read(text, online(XY, TS, 1)))
                .getMessage());
    }

    /** The measurement of the README and docs/wire.md: a node hosting 100,000 neurons with ids of about 11 characters. */
    @Test
    void aHeartbeatOfA100000NeuronNodeIsAFewHundredBytesInsteadOfMegabytes() throws Exception {
        List<String> neurons = IntStream.range(0, 100_000).mapToObj(i -> "neuron" + i).toList();
        NodeStatus status = online(neurons, TS, 12);
        int full = NodeStatusCodec.encode(status).length;
        byte[] compact = NodeStatusCodec.encodeHeartbeat(status);
        System.out.printf("status of a node hosting 100,000 neurons: full %,d bytes, compact heartbeat %,d bytes%n",
                full, compact.length);
        assertTrue(full > 1_000_000, "full: " + full);
        assertTrue(compact.length < 400, "compact: " + compact.length);
        assertEquals(status, NodeStatusCodec.decode(compact, NodeStatusCodec.decode(NodeStatusCodec.encode(status))));
    }
}
