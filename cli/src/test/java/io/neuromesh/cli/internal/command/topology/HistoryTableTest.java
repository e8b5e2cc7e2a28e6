package io.neuromesh.cli.internal.command.topology;

import com.google.gson.JsonArray;
import io.neuromesh.edge.wire.AppliedHistory;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HistoryTableTest {

    private static final String RUNNING = "0123456789abcdef".repeat(4);
    private static final AppliedHistory HISTORY = new AppliedHistory(List.of(
            new AppliedHistory.Revision(3, "c".repeat(64), "xor", Instant.parse("2025-06-01T12:00:05Z"),
                    List.of("n1", "n2")),
            new AppliedHistory.Revision(1, RUNNING, "", Instant.parse("2025-06-01T10:00:00Z"), List.of("n1"))));

    @Test
    void listsRevHashNameTimeAndNodesNewestFirstMarkingTheRunningOne() {
        assertEquals(List.of(
                "   REV  HASH              NAME  APPLIED              NODES",
                "   3    cccccccccccccccc  xor   2025-06-01 12:00:05  n1 n2",
                "*  1    0123456789abcdef  -     2025-06-01 10:00:00  n1"),
                HistoryTable.lines(HISTORY, RUNNING, ZoneOffset.UTC));
    }

    @Test
    void jsonHasTheFullHashAndTheRunningFlag() {
        JsonArray json = HistoryTable.json(HISTORY, RUNNING);
        assertEquals(3, json.get(0).getAsJsonObject().get("rev").getAsLong());
        assertFalse(json.get(0).getAsJsonObject().get("running").getAsBoolean());
        assertTrue(json.get(1).getAsJsonObject().get("running").getAsBoolean());
        assertEquals(RUNNING, json.get(1).getAsJsonObject().get("hash").getAsString());
        assertEquals("2025-06-01T10:00:00Z", json.get(1).getAsJsonObject().get("appliedAt").getAsString());
    }
}
