package io.neuromesh.edge.wire;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NodeStatusCodecTest {

    private static final Instant TS = Instant.ofEpochMilli(1_767_225_600_000L);
    private static final NodeStatus.Running RUNNING = new NodeStatus.Running("3f2a", 1, "1a26", TS.minusSeconds(100),
            12, 0, 31, 6028, 2, 1, Optional.empty());
    private static final String ONLINE = "{\"v\":1,\"state\":\"online\",\"node\":\"n1\",\"instance\":\"3f2a\","
            + "\"neurons\":[\"x\",\"y\"],\"rev\":1,\"hash\":\"1a26\",\"ts\":1767225600000,\"since\":1767225500000,"
            + "\"inputsPerSecond\":12.0,\"queue\":0,\"heapUsedMb\":31,\"heapMaxMb\":6028,\"malformed\":2,\"dropped\":1}";

    private static String encode(NodeStatus status) {
        return new String(NodeStatusCodec.encode(status), StandardCharsets.UTF_8);
    }

    private static NodeStatus decode(String text) throws WireFormatException {
        return NodeStatusCodec.decode(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String reject(String text) {
        return assertThrows(WireFormatException.class, () -> decode(text)).getMessage();
    }

    @Test
    void writesTheDocumentedShapes() {
        assertEquals(ONLINE, encode(NodeStatus.live(NodeState.ONLINE, "n1", List.of("x", "y"), TS, RUNNING)));
        assertEquals("{\"v\":1,\"state\":\"offline\",\"node\":\"n1\",\"neurons\":[],\"reason\":\"connection lost\","
                + "\"ts\":1767225600000}", encode(NodeStatus.offline("n1", "connection lost", TS)));
    }

    @Test
    void aNodeRunsARevisionOnlyWhileOnlineWithItsRevAndHash() {
        NodeStatus online = NodeStatus.live(NodeState.ONLINE, "n1", List.of("x"), TS, RUNNING);
        assertTrue(online.runs(1, "1a26"));
        assertFalse(online.runs(2, "1a26"), "another rev");
        assertFalse(online.runs(1, "9f00"), "another document of that rev");
        assertFalse(NodeStatus.live(NodeState.LEAVING, "n1", List.of(), TS, RUNNING).runs(1, "1a26"), "leaving");
        assertFalse(NodeStatus.offline("n1", "shutdown", TS).runs(1, "1a26"), "offline");
    }

    @Test
    void roundTripsEveryState() throws Exception {
        for (NodeStatus status : List.of(NodeStatus.live(NodeState.ONLINE, "n1", List.of("x", "y"), TS, RUNNING),
                NodeStatus.live(NodeState.LEAVING, "n2", List.of(), TS, RUNNING),
                NodeStatus.offline("n3", "shutdown", TS),
                NodeStatus.offlineSeenBy("n3", "connection lost", TS, "n1"),
                NodeStatus.live(NodeState.ONLINE, "n1", List.of(), TS, new NodeStatus.Running("3f2a", 1, "1a26", TS,
                        0, 0, 1, 2, 0, 0, Optional.of("the retained topology rev 1 is not the fleet's"))))) {
            assertEquals(status, NodeStatusCodec.decode(NodeStatusCodec.encode(status)));
        }
    }

    @Test
    void writesTheOptionalFieldsOnlyWhenPresent() {
        assertEquals("{\"v\":1,\"state\":\"offline\",\"node\":\"n1\",\"neurons\":[],\"reason\":\"connection lost\","
                + "\"ts\":1767225600000,\"reportedBy\":\"n2\"}",
                encode(NodeStatus.offlineSeenBy("n1", "connection lost", TS, "n2")));
        NodeStatus.Running problem = new NodeStatus.Running("3f2a", 1, "1a26", TS.minusSeconds(100), 12, 0, 31, 6028,
                2, 1, Optional.of("rev: 1 is not newer than the running rev 1"));
        assertEquals(ONLINE.replace("}", ",\"topologyProblem\":\"rev: 1 is not newer than the running rev 1\"}"),
                encode(NodeStatus.live(NodeState.ONLINE, "n1", List.of("x", "y"), TS, problem)));
        assertEquals("reportedBy: only an offline status is reported by a peer", assertThrows(
                IllegalArgumentException.class, () -> new NodeStatus(NodeState.ONLINE, "n1", List.of(), TS,
                        Optional.of(RUNNING), Optional.empty(), Optional.of("n2"))).getMessage());
    }

    @Test
    void aNodeWithCompactHeartbeatsSaysSoInItsStatusAndOthersDoNot() throws Exception {
        NodeStatus.Running compact = new NodeStatus.Running("3f2a", 1, "1a26", TS.minusSeconds(100), 12, 0, 31, 6028,
                2, 1, Optional.empty(), Optional.empty(), HeartbeatForm.COMPACT);
        NodeStatus marked = NodeStatus.live(NodeState.ONLINE, "n1", List.of("x", "y"), TS, compact);
        assertEquals(ONLINE.replace("}", ",\"heartbeats\":\"compact\"}"), encode(marked));
        assertEquals(marked, decode(encode(marked)));
        assertEquals(HeartbeatForm.FULL, decode(ONLINE).running().orElseThrow().heartbeats(), "absent: full");
        assertEquals(HeartbeatForm.FULL, decode(ONLINE.replace("}", ",\"heartbeats\":\"full\"}")).running()
                .orElseThrow().heartbeats());
        assertEquals("node status: heartbeats: must be one of full, compact, got \"tiny\"",
                reject(ONLINE.replace("}", ",\"heartbeats\":\"tiny\"}")));
        assertEquals("node status: heartbeats: must be a string, got 1",
                reject(ONLINE.replace("}", ",\"heartbeats\":1}")));
        assertEquals("heartbeats: must not be null; use HeartbeatForm.FULL", assertThrows(NullPointerException.class,
                () -> new NodeStatus.Running("i", 1, "h", TS, 0, 0, 0, 0, 0, 0, Optional.empty(), Optional.empty(),
                        null)).getMessage());
    }

    @Test
    void aNodeSaysHowLongItsPeersLetItBeSilentAndANonsenseValueIsRefused() throws Exception {
        NodeStatus.Running saying = new NodeStatus.Running("3f2a", 1, "1a26", TS.minusSeconds(100), 12, 0, 31, 6028,
                2, 1, Optional.empty(), Optional.of(Duration.ofSeconds(2)), HeartbeatForm.FULL,
                Optional.of(Duration.ofSeconds(7)));
        NodeStatus status = NodeStatus.live(NodeState.ONLINE, "n1", List.of("x", "y"), TS, saying);
        String written = encode(status);
        assertTrue(written.endsWith(",\"heartbeatMs\":2000,\"offlineAfterMs\":7000}"), written);
        assertEquals(status, decode(written));
        assertEquals(Optional.empty(), decode(ONLINE).running().orElseThrow().offlineAfter(), "absent: not said");
        assertEquals("node status: offlineAfterMs: must be a whole number >= 1, got 0",
                reject(ONLINE.replace("}", ",\"offlineAfterMs\":0}")));
        assertEquals("node status: offlineAfterMs: must be a whole number >= 1, got \"3.5s\"",
                reject(ONLINE.replace("}", ",\"offlineAfterMs\":\"3.5s\"}")));
        assertEquals("offlineAfterMs: must be a positive number of ms, got -1", assertThrows(
                IllegalArgumentException.class, () -> new NodeStatus.Running("3f2a", 1, "1a26", TS, 0, 0, 0, 0, 0, 0,
                        Optional.empty(), Optional.empty(), HeartbeatForm.FULL, Optional.of(Duration.ofMillis(-1))))
                .getMessage());
    }

    @Test
    void readsAStatusWithoutVersionAsVersionOne() throws Exception {
        assertEquals(decode(ONLINE), decode(ONLINE.replace("\"v\":1,", "")));
        assertEquals(NodeState.ONLINE, decode(ONLINE.replace("\"v\":1,", "")).state());
    }

    @Test
    void offersWhatOperatorsAskFirst() {
        NodeStatus online = NodeStatus.live(NodeState.ONLINE, "n1", List.of("x"), TS, RUNNING);
        NodeStatus offline = NodeStatus.offline("n1", "shutdown", TS);
        assertEquals(List.of(true, 1L, "1a26"), List.of(online.online(), online.rev(), online.hash()));
        assertEquals(List.of(false, 0L, ""), List.of(offline.online(), offline.rev(), offline.hash()));
    }

    @Test
    void recordsSayWhatIsMissing() {
        assertEquals("state online: needs instance, rev, hash, since and load",
                assertThrows(IllegalArgumentException.class, () -> new NodeStatus(NodeState.ONLINE, "n1", List.of(),
                        TS, Optional.empty(), Optional.empty(), Optional.empty())).getMessage());
        assertEquals("queue: must be >= 0, got -1", assertThrows(IllegalArgumentException.class,
                () -> new NodeStatus.Running("i", 1, "h", TS, 0, -1, 0, 0, 0, 0,
                        Optional.empty())).getMessage());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"v\":2,\"state\":\"online\"}|node status: v: version 2 is newer than this node reads (1); upgrade this node",
            "{\"v\":0}|node status: v: must be a version >= 1, got 0",
            "{\"state\":\"online\",\"node\":\"n1\"|node status: not JSON: End of input at line 1 column 30 path $.node",
            "\"online\"|node status: must be a JSON object, got \"online\"",
            "{\"state\":\"busy\",\"node\":\"n1\"}|node status: state: must be one of online, leaving, offline, got \"busy\"",
            "{\"state\":\"online\"}|node status: node: missing",
            "{\"state\":\"offline\",\"node\":\"n1\",\"ts\":1}|node status: reason: missing",
            "{\"state\":\"offline\",\"node\":\"n 1\",\"reason\":\"shutdown\",\"ts\":1}|node status: node: 'n 1' contains a space; ids are 1-64 characters of A-Z a-z 0-9 _ -",
            "{\"state\":\"online\",\"node\":\"n1\",\"neurons\":[],\"ts\":-3}|node status: ts: must be a whole number >= 0, got -3",
            "{\"state\":\"online\",\"node\":\"n1\",\"neurons\":[],\"ts\":1}|node status: instance: missing",
    })
    void rejectsInvalidStatusesWithAReason(String text, String reason) {
        assertEquals(reason, reject(text));
    }
}
