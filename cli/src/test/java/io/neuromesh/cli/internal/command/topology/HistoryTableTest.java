package io.neuromesh.cli.internal.command.topology;

import io.neuromesh.cli.internal.history.HistoryEntry;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HistoryTableTest {

    @Test
    void listsRevHashTimeSourceAndNodesInTheGivenOrder() {
        List<HistoryEntry> entries = List.of(
                new HistoryEntry(3, "c".repeat(64), Instant.parse("2025-06-01T12:00:05Z"), List.of("n1", "n2"),
                        "rollback to rev 1", Path.of("3-c.json")),
                new HistoryEntry(1, "0123456789abcdef".repeat(4), Instant.parse("2025-06-01T10:00:00Z"),
                        List.of("n1"), "/work/xor.json", Path.of("1-a.json")));
        assertEquals(List.of(
                "REV  HASH              APPLIED              SOURCE             NODES",
                "3    cccccccccccccccc  2025-06-01 12:00:05  rollback to rev 1  n1 n2",
                "1    0123456789abcdef  2025-06-01 10:00:00  /work/xor.json     n1"),
                HistoryTable.lines(entries, ZoneOffset.UTC));
    }
}
