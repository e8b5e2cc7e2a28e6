package io.neuromesh.cli.internal.view;

import io.neuromesh.edge.wire.NodeState;
import io.neuromesh.edge.wire.NodeStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NodesTableTest {

    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    private static final String HASH = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    @Test
    void showsStateNeuronsRevHashAgeAndLoadSortedByNode() {
        NodeStatus n2 = NodeStatus.live(NodeState.ONLINE, "n2", List.of("h1", "h2", "h3", "z"),
                NOW.minusMillis(1_234), new NodeStatus.Running("instance-2", 4, HASH, NOW.minusSeconds(60), 12.25, 3,
                        45, 512, 7, 2, Optional.empty()));
        NodeStatus n1 = NodeStatus.live(NodeState.LEAVING, "n1", List.of("x"), NOW.minusMillis(200),
                running(4, 0, 0, 30, 512));
        NodeStatus n3 = NodeStatus.offlineSeenBy("n3", "connection lost", NOW.minusMillis(300_000), "n1");
        assertEquals(List.of(
                "NODE  STATE    NEURONS           REV  HASH              LAST STATUS  IN/S  QUEUE  HEAP       MALFORMED"
                        + "  DROPPED",
                "n1    leaving  1 (x)             4    0123456789abcdef  0.2s ago     0.0   0      30/512 MB  0"
                        + "          0",
                "n2    online   4 (h1 h2 h3 ...)  4    0123456789abcdef  1.2s ago     12.3  3      45/512 MB  7"
                        + "          2",
                "n3    offline  0                 -    -                 5m ago       -     -      -          -"
                        + "          -"),
                NodesTable.lines(List.of(n2, n3, n1), Set.of(), NOW));
    }

    @Test
    void anOfflineNodeShowsWhenItWentWhenAPeerSawItGoAndSaysItIsUnknownOtherwise() {
        NodeStatus seen = NodeStatus.offlineSeenBy("n1", NodeStatus.CONNECTION_LOST, NOW.minusMillis(1_500), "n2");
        NodeStatus will = NodeStatus.offline("n2", NodeStatus.CONNECTION_LOST, NOW.minusSeconds(90));
        NodeStatus shutdown = NodeStatus.offline("n3", "shutdown", NOW.minusSeconds(20));
        assertEquals("1.5s ago", NodesTable.lastStatus(seen, NOW));
        assertEquals("unknown (connected 1m ago)", NodesTable.lastStatus(will, NOW),
                "a Last Will no peer confirmed carries the connect time: not when the node went");
        assertEquals("20s ago", NodesTable.lastStatus(shutdown, NOW), "its last word says when it left");
    }

    @Test
    void aNodeItsPeersCountSilentShowsAsSilentWithTheAgeOfItsLastStatus() {
        NodeStatus silent = NodeStatus.offline("n3", NodeStatus.SILENT, NOW.minusSeconds(41));
        assertEquals("n3    silent  0        -    -     41s ago      -     -      -     -          -",
                NodesTable.lines(List.of(silent), Set.of(), NOW).get(1));
    }

    @Test
    void aHostedSetNotKnownFromTheLastHeartbeatIsShownAsTheLastKnown() {
        NodeStatus unmatched = new NodeStatus(NodeState.ONLINE, "n1", List.of("x"), NOW.minusMillis(100),
                Optional.of(new NodeStatus.Running("i1", 1, HASH, NOW.minusSeconds(5), 0, 0, 20, 512, 0, 0,
                        Optional.empty())), Optional.empty(), Optional.empty(), false);
        String line = NodesTable.lines(List.of(unmatched), Set.of(), NOW).get(1);
        assertTrue(line.startsWith("n1    online  1 (x) (last known)  "), line);
    }

    @Test
    void aNodeNotHeardWhileTheReaderWaitedShowsItsRetainedLivenessAsOld() {
        NodeStatus retained = NodeStatus.live(NodeState.ONLINE, "n1", List.of("x"), NOW.minusSeconds(25),
                running(1, 0, 0, 20, 512));
        NodeStatus heard = NodeStatus.live(NodeState.ONLINE, "n2", List.of("y"), NOW.minusMillis(300),
                running(1, 0, 0, 20, 512));
        List<String> lines = NodesTable.lines(List.of(retained, heard), Set.of("n1"), NOW);
        assertTrue(lines.get(1).contains("  25s ago (no heartbeat)  "), lines.get(1));
        assertTrue(lines.get(2).contains("  0.3s ago  "), lines.get(2));
    }

    @Test
    void aNodeWithoutATopologyShowsNoRevAndNoHash() {
        NodeStatus fresh = NodeStatus.live(NodeState.ONLINE, "n1", List.of(), NOW.minusMillis(100),
                new NodeStatus.Running("i1", 0, "", NOW.minusSeconds(5), 0, 0, 20, 512, 0, 0,
                        Optional.empty()));
        assertEquals("n1    online  0        -    -     0.1s ago     0.0   0      20/512 MB  0          0",
                NodesTable.lines(List.of(fresh), Set.of(), NOW).get(1));
    }

    private static NodeStatus.Running running(long rev, double inputsPerSecond, int queue, long heapUsedMb,
                                              long heapMaxMb) {
        return new NodeStatus.Running("instance-1", rev, HASH, NOW.minusSeconds(60), inputsPerSecond, queue,
                heapUsedMb, heapMaxMb, 0, 0, Optional.empty());
    }

    @ParameterizedTest(name = "{0} ms -> {1}")
    @CsvSource({"0, 0.0s ago", "-500, 0.0s ago", "1234, 1.2s ago", "9999, 9.9s ago", "42000, 42s ago",
            "300000, 5m ago", "7200000, 2h ago", "172800000, 2d ago"})
    void formatsAgesForHumans(long millis, String expected) {
        assertEquals(expected, NodesTable.ago(Duration.ofMillis(millis)));
    }
}
