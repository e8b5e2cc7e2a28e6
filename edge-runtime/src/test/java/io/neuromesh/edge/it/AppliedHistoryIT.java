package io.neuromesh.edge.it;

import io.neuromesh.edge.EdgeRuntime;
import io.neuromesh.edge.FleetClient;
import io.neuromesh.edge.Topics;
import io.neuromesh.edge.wire.AppliedHistory;
import io.neuromesh.edge.wire.AppliedHistoryCodec;
import io.neuromesh.testkit.broker.BrokerKind;
import io.neuromesh.testkit.fleet.Observer;
import io.neuromesh.testkit.fleet.TestFleet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.neuromesh.edge.it.EdgeFleet.NODES;
import static io.neuromesh.edge.it.EdgeFleet.applyOk;
import static io.neuromesh.edge.it.TruthFleet.CONVERGE;
import static io.neuromesh.edge.it.TruthFleet.awaitRecorded;
import static io.neuromesh.edge.it.TruthFleet.hash;
import static io.neuromesh.edge.it.TruthFleet.withRev;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fleet's applied history on the embedded HiveMQ CE: written once per applied rev, with its document, bounded. */
@Timeout(180)
class AppliedHistoryIT {

    private static final byte[] XOR = TestFleet.example("xor.json");

    @TempDir
    Path state;

    @Test
    void eachAppliedRevIsRecordedOnceWithItsExactDocumentAndTheOldestIsDroppedBeyondTheBound() {
        try (TestFleet<EdgeRuntime> fleet = EdgeFleet.started(TestFleet.builder(TruthFleet.withStateUnder(state))
                .broker(BrokerKind.HIVEMQ_EMBEDDED).start()); FleetClient client = EdgeFleet.client(fleet)) {
            Observer history = fleet.observe(Topics.TOPOLOGY_HISTORY);
            Observer documents = fleet.observe(Topics.TOPOLOGY_HISTORY + "/+");
            Observer statuses = fleet.observe(Topics.ALL_STATUSES);

            applyOk(fleet, client, XOR, 1);
            awaitRecorded(history, XOR);
            assertEquals(List.of("n1", "n2", "n3"), TruthFleet.history(history).newest().orElseThrow().nodes());
            await().atMost(CONVERGE).until(() -> documents.latest(Topics.topologyRevision(1)).isPresent());
            assertEquals(new String(XOR, StandardCharsets.UTF_8),
                    documents.latest(Topics.topologyRevision(1)).orElseThrow(), "the document exactly as published");

            byte[] xor2 = withRev(XOR, 2);
            applyOk(fleet, client, xor2, 2);
            awaitRecorded(history, xor2);
            assertEquals(List.of(2L, 1L), revs(TruthFleet.history(history)));
            // Nothing more is written: every node reconsiders on each status it hears, so once each has sent two
            // more heartbeats (statuses every second), a second record of rev 1 or 2 would have been published.
            statuses.clear();
            await().atMost(CONVERGE).until(() -> NODES.stream().allMatch(n ->
                    statuses.history(Topics.nodeStatus(n)).size() >= 2));
            assertEquals(2, history.history().size(), "one index per applied rev: " + history.history());

            // A full history (as after 50 applies), written by hand: revs 1000..1049, the oldest with its document.
            List<AppliedHistory.Revision> full = new ArrayList<>();
            for (long rev = 1000 + AppliedHistory.MAX_REVISIONS - 1; rev >= 1000; rev--) {
                full.add(new AppliedHistory.Revision(rev, "earlier" + rev, "", Instant.EPOCH, List.of("n1")));
            }
            AppliedHistory preloaded = new AppliedHistory(full);
            long oldest = 1000;
            fleet.publish(Topics.topologyRevision(oldest), withRev(XOR, oldest), true);
            fleet.publish(Topics.TOPOLOGY_HISTORY, AppliedHistoryCodec.encode(preloaded), true);

            byte[] next = withRev(XOR, preloaded.newest().orElseThrow().rev() + 1);
            applyOk(fleet, client, next, preloaded.newest().orElseThrow().rev() + 1);
            awaitRecorded(history, next);
            AppliedHistory after = TruthFleet.history(history);
            assertEquals(AppliedHistory.MAX_REVISIONS, after.revisions().size());
            assertEquals(Optional.empty(), after.find(oldest), "the oldest is dropped");
            await().atMost(CONVERGE).until(() -> documents.latest(Topics.topologyRevision(oldest)).isEmpty());
            assertTrue(documents.history(Topics.topologyRevision(oldest)).stream().anyMatch(m -> m.payload().isEmpty()),
                    "its document is cleared with an empty retained payload");
            assertEquals(hash(next), after.newest().orElseThrow().hash());
        }
    }

    private static List<Long> revs(AppliedHistory history) {
        return history.revisions().stream().map(AppliedHistory.Revision::rev).toList();
    }
}
