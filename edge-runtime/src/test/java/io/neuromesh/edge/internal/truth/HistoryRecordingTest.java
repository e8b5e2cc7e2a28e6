package io.neuromesh.edge.internal.truth;

import io.neuromesh.edge.wire.AppliedHistory;
import io.neuromesh.topology.TopologyVersion;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When a node records a revision in the fleet's applied history. */
class HistoryRecordingTest {

    private static final Instant NOW = Instant.ofEpochMilli(1_767_225_600_000L);
    private static final TopologyVersion V2 = new TopologyVersion(2, "b2");
    private static final SortedSet<String> FLEET = new TreeSet<>(List.of("n1", "n2", "n3"));

    private static AppliedHistory history(long... revs) {
        AppliedHistory h = AppliedHistory.EMPTY;
        for (long rev : revs) {
            h = h.with(new AppliedHistory.Revision(rev, "h" + rev, "", NOW, List.of("n1")));
        }
        return h;
    }

    private static Optional<AppliedHistory.Revision> next(String self, Map<String, TopologyVersion> peers,
                                                          AppliedHistory h) {
        return HistoryRecording.next(self, FLEET, peers, V2, "xor", h, NOW);
    }

    @Test
    void theLowestOnlineNodeRecordsOnceEveryOnlineNodeRunsTheSameRevAndHash() {
        Optional<AppliedHistory.Revision> recorded = next("n1", Map.of("n2", V2, "n3", V2), history(1));
        assertEquals(Optional.of(new AppliedHistory.Revision(2, "b2", "xor", NOW, List.of("n1", "n2", "n3"))),
                recorded);
    }

    @Test
    void nothingIsRecordedByAnotherNodeOrBeforeEveryNodeRunsIt() {
        assertEquals(Optional.empty(), next("n2", Map.of("n1", V2, "n3", V2), history(1)), "n1 records, not n2");
        assertEquals(Optional.empty(), next("n1", Map.of("n2", V2), history(1)), "n3 has not reported");
        assertEquals(Optional.empty(), next("n1", Map.of("n2", V2, "n3", new TopologyVersion(2, "other")), history(1)),
                "n3 runs rev 2 with other content");
        assertEquals(Optional.empty(), next("n1", Map.of("n2", V2, "n3", new TopologyVersion(1, "h1")), history(1)),
                "n3 still runs rev 1");
    }

    @Test
    void everyOnlineNodeRunsItOnlyWhenEachPeerReportsTheSameRevAndHash() {
        assertTrue(HistoryRecording.allRun("n2", FLEET, Map.of("n1", V2, "n3", V2), V2), "any node can tell");
        assertTrue(HistoryRecording.allRun("n1", new TreeSet<>(List.of("n1")), Map.of(), V2), "alone");
        assertFalse(HistoryRecording.allRun("n2", FLEET, Map.of("n1", V2), V2), "n3 has not reported");
        assertFalse(HistoryRecording.allRun("n2", FLEET, Map.of("n1", V2, "n3", new TopologyVersion(2, "x")),
                V2), "n3 runs rev 2 with other content");
    }

    @Test
    void aRevisionIsRecordedOnlyOnceAndNeverBehindTheHistory() {
        Map<String, TopologyVersion> agree = Map.of("n2", V2, "n3", V2);
        AppliedHistory recorded = history(1).with(next("n1", agree, history(1)).orElseThrow());
        assertEquals(Optional.empty(), next("n1", agree, recorded), "already the newest");
        assertEquals(Optional.empty(), next("n1", agree, history(1, 3)), "the history is newer: the node adopts it");
    }

    @Test
    void theHistoryIsBoundedAndTheDroppedRevisionsAreNamed() {
        AppliedHistory full = history(LongStream.rangeClosed(1, AppliedHistory.MAX_REVISIONS).toArray());
        AppliedHistory next = full.with(new AppliedHistory.Revision(AppliedHistory.MAX_REVISIONS + 1, "x", "", NOW,
                List.of("n1")));
        assertEquals(AppliedHistory.MAX_REVISIONS, next.revisions().size());
        assertEquals(List.of(1L), HistoryRecording.dropped(full, next));
        assertTrue(HistoryRecording.dropped(history(1), history(1, 2)).isEmpty());
    }
}
