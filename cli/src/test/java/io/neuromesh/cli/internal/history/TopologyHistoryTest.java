package io.neuromesh.cli.internal.history;

import io.neuromesh.cli.internal.CommandFailedException;
import io.neuromesh.topology.Topology;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TopologyHistoryTest {

    static final Instant T1 = Instant.parse("2025-06-01T10:00:00Z");
    static final Instant T2 = Instant.parse("2025-06-01T11:30:00Z");

    @TempDir
    Path home;

    static byte[] doc(long rev, double threshold) {
        return ("{\"rev\":" + rev + ",\"name\":\"pair\",\"neurons\":[{\"id\":\"a\",\"node\":\"n1\",\"threshold\":1},"
                + "{\"id\":\"b\",\"node\":\"n2\",\"threshold\":" + threshold + "}],"
                + "\"synapses\":[{\"from\":\"a\",\"to\":\"b\",\"weight\":1}]}").getBytes(StandardCharsets.UTF_8);
    }

    static HistoryEntry record(TopologyHistory history, byte[] json, Instant at, String source) {
        return history.record(Topology.parse(json), json, List.of("n2", "n1"), source, at);
    }

    @Test
    void recordsEachApplyAsARevAndHashNamedFileListedNewestFirst() {
        TopologyHistory history = new TopologyHistory(home);
        Topology rev1 = Topology.parse(doc(1, 1));
        record(history, doc(1, 1), T1, "/work/pair.json");
        record(history, doc(2, 0.5), T2, "rollback to rev 1");

        List<HistoryEntry> entries = history.entries();
        assertEquals(2, entries.size());
        assertEquals(2, entries.get(0).rev());
        assertEquals("rollback to rev 1", entries.get(0).source());
        HistoryEntry first = entries.get(1);
        assertEquals(new HistoryEntry(1, rev1.contentHash(), T1, List.of("n1", "n2"), "/work/pair.json",
                home.resolve("history").resolve("1-" + rev1.shortHash() + ".json")), first);
        assertEquals(rev1.shortHash(), first.shortHash());
        assertTrue(Files.isRegularFile(first.file()));
    }

    @Test
    void keepsTheDocumentExactlyAsItWasPublished() {
        TopologyHistory history = new TopologyHistory(home);
        byte[] json = doc(1, 1);
        assertArrayEquals(json, history.read(record(history, json, T1, "pair.json")));
        assertArrayEquals(json, history.read(history.entries().get(0)));
    }

    @Test
    void aHistoryNeverWrittenIsEmptyAndCreatesNothing() {
        TopologyHistory history = new TopologyHistory(home.resolve("fresh"));
        assertEquals(List.of(), history.entries());
        assertTrue(Files.notExists(home.resolve("fresh")));
        assertEquals(home.resolve("fresh").resolve("history"), history.directory());
    }

    @Test
    void aBrokenIndexLineIsReportedWithItsFileAndNumber() throws Exception {
        TopologyHistory history = new TopologyHistory(home);
        record(history, doc(1, 1), T1, "pair.json");
        Path index = history.directory().resolve("index.jsonl");
        Files.writeString(index, Files.readString(index) + "\n{\"rev\":\"two\"}\n");
        CommandFailedException e = assertThrows(CommandFailedException.class, history::entries);
        assertTrue(e.getMessage().startsWith(index + " line 3: not a history entry ("), e.getMessage());
        assertTrue(e.getMessage().endsWith("); fix or delete that line"), e.getMessage());
    }

    @Test
    void anIndexLinePointingOutsideTheFolderIsRefused() throws Exception {
        TopologyHistory history = new TopologyHistory(home);
        Files.createDirectories(history.directory());
        Files.writeString(history.directory().resolve("index.jsonl"), "{\"rev\":1,\"hash\":\"ab\",\"file\":"
                + "\"../../etc/passwd\",\"appliedAtMs\":0,\"nodes\":[],\"source\":\"x\"}\n");
        CommandFailedException e = assertThrows(CommandFailedException.class, history::entries);
        assertTrue(e.getMessage().contains("line 1: not a history entry (file must be a name inside the history"
                + " folder)"), e.getMessage());
    }

    @Test
    void aSavedFileThatWasDeletedIsReportedByName() throws Exception {
        TopologyHistory history = new TopologyHistory(home);
        HistoryEntry entry = record(history, doc(1, 1), T1, "pair.json");
        Files.delete(entry.file());
        CommandFailedException e = assertThrows(CommandFailedException.class, () -> history.read(entry));
        assertEquals(entry.file() + ": missing from the topology history (rev 1 is listed in "
                + history.directory().resolve("index.jsonl") + ")", e.getMessage());
    }

    @Test
    void anUnwritableHomeFailsWithTheFolderInTheMessage() throws Exception {
        Path file = Files.writeString(home.resolve("not-a-folder"), "x");
        TopologyHistory history = new TopologyHistory(file);
        CommandFailedException e = assertThrows(CommandFailedException.class,
                () -> record(history, doc(1, 1), T1, "pair.json"));
        assertTrue(e.getMessage().startsWith("cannot write the topology history in " + file.resolve("history")),
                e.getMessage());
    }
}
