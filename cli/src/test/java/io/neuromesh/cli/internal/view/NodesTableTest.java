package io.neuromesh.cli.internal.view;

import io.neuromesh.edge.FleetClient.NodeStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NodesTableTest {

    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    private static final String HASH = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    @Test
    void showsStateNeuronsRevHashAgeAndLoadSortedByNode() {
        long ts = NOW.toEpochMilli();
        NodeStatus n2 = new NodeStatus("n2", true, List.of("h1", "h2", "h3", "z"), 4, HASH, ts - 1_234,
                "{\"state\":\"online\",\"node\":\"n2\",\"neurons\":[\"h1\",\"h2\",\"h3\",\"z\"],\"rev\":4,\"hash\":\""
                        + HASH + "\",\"ts\":" + (ts - 1_234) + ",\"inputsPerSecond\":12.25,\"queue\":3,"
                        + "\"heapUsedMb\":45,\"heapMaxMb\":512}");
        NodeStatus n1 = new NodeStatus("n1", true, List.of("x"), 4, HASH, ts - 200,
                "{\"state\":\"leaving\",\"node\":\"n1\",\"neurons\":[\"x\"],\"rev\":4,\"hash\":\"" + HASH + "\",\"ts\":"
                        + (ts - 200) + "}");
        NodeStatus n3 = new NodeStatus("n3", false, List.of(), 0, "", ts - 300_000,
                "{\"state\":\"offline\",\"node\":\"n3\",\"reason\":\"connection lost\",\"ts\":" + (ts - 300_000) + "}");
        assertEquals(List.of(
                "NODE  STATE    NEURONS           REV  HASH              LAST STATUS  IN/S  QUEUE  HEAP",
                "n1    leaving  1 (x)             4    0123456789abcdef  0.2s ago     -     -      -",
                "n2    online   4 (h1 h2 h3 ...)  4    0123456789abcdef  1.2s ago     12.3  3      45/512 MB",
                "n3    offline  0                 -    -                 5m ago       -     -      -"),
                NodesTable.lines(List.of(n2, n3, n1), NOW));
    }

    @Test
    void fallsBackToTheOnlineFlagWhenTheStatusHasNoState() {
        NodeStatus bare = new NodeStatus("n1", true, List.of("a", "b"), 1, "abc", 0, "{}");
        assertEquals("n1    online  2 (a b)  1    abc   -            -     -      -",
                NodesTable.lines(List.of(bare), NOW).get(1));
    }

    @ParameterizedTest(name = "{0} ms -> {1}")
    @CsvSource({"0, 0.0s ago", "-500, 0.0s ago", "1234, 1.2s ago", "9999, 9.9s ago", "42000, 42s ago",
            "300000, 5m ago", "7200000, 2h ago", "172800000, 2d ago"})
    void formatsAgesForHumans(long millis, String expected) {
        assertEquals(expected, NodesTable.ago(Duration.ofMillis(millis)));
    }
}
