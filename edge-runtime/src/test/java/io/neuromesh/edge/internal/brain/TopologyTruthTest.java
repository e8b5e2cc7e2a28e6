package io.neuromesh.edge.internal.brain;

import io.neuromesh.edge.Topics;
import io.neuromesh.edge.internal.hosting.ApplyResult;
import io.neuromesh.edge.wire.AppliedHistory;
import io.neuromesh.edge.wire.AppliedHistoryCodec;
import io.neuromesh.edge.wire.TopologyOutcome;
import io.neuromesh.topology.Topology;
import io.neuromesh.topology.TopologyVersion;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which topology a node runs over its local copy (L), the retained topology (T) and the fleet's applied history (H),
 * what it reports, and when it records the history; driven by events alone, without a broker.
 */
class TopologyTruthTest {

    /** a and b; a feeds b. The threshold is the content that differs between variants of one rev. */
    private static final String DOC = """
            {"rev":%d,"name":"t","defaults":{"threshold":%s,"mode":"level"},"sensors":[{"id":"s"}],
             "neurons":[{"id":"a","node":"n1"},{"id":"b","node":"n2"}],
             "synapses":[{"from":"s","to":"a","weight":1},{"from":"a","to":"b","weight":1}]}""";
    private static final String A1 = DOC.formatted(1, "0.9");
    private static final String B1 = DOC.formatted(1, "0.8");
    private static final String A2 = DOC.formatted(2, "0.9");

    private final BrainHarness n1 = new BrainHarness("n1");

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static TopologyVersion version(String doc) {
        Topology t = Topology.parse(doc);
        return new TopologyVersion(t.rev(), t.contentHash());
    }

    private static AppliedHistory historyOf(String... docs) {
        AppliedHistory history = AppliedHistory.EMPTY;
        for (String doc : docs) {
            TopologyVersion v = version(doc);
            history = history.with(new AppliedHistory.Revision(v.rev(), v.hash(), "t", Instant.EPOCH, List.of("n1")));
        }
        return history;
    }

    /** The broker retains H and each revision's document, as the fleet recorded them. */
    private void retainHistory(String... docs) {
        for (String doc : docs) {
            n1.retained.put(Topics.topologyRevision(version(doc).rev()), bytes(doc));
        }
    }

    private void history(String... docs) {
        retainHistory(docs);
        n1.post(new BrainEvent.HistoryArrived(AppliedHistoryCodec.encode(historyOf(docs))));
    }

    private void connect() {
        n1.post(new BrainEvent.Connected(new CompletableFuture<>()));
    }

    private TopologyVersion running() {
        return new TopologyVersion(n1.brain.view().rev(), n1.brain.view().hash());
    }

    private Optional<String> problem() {
        return n1.brain.view().topologyProblem();
    }

    @Test
    void aRequestQueuedWhileTheNodeWasDownIsAnsweredAboutItsLocalCopy() {
        n1.saved = bytes(A1);
        n1.post(new BrainEvent.RequestArrived(BrainEvent.Request.GPIO_SET, BrainHarness.message(
                Topics.gpioSetRequest("n1"), "{\"pin\":17,\"level\":\"high\"}", "r/gpio")));

        assertEquals(List.of("reconcile rev 1", "simulate 17=true", "reply r/gpio"), n1.log.stream()
                        .filter(l -> l.startsWith("reconcile") || l.startsWith("simulate") || l.startsWith("reply"))
                        .toList(),
                "the request came before the Connected event (the session delivers it first): the local copy's pins "
                        + "are open before it is answered");
    }

    @Test
    void aRestartedNodeStartsFromItsLocalCopyAndRejectsAStrayOfTheSameRev() {
        n1.saved = bytes(A1);
        connect();
        assertEquals(version(A1), running(), "the local copy runs before anything is heard");
        assertEquals(List.of(), n1.lines("subscribe"), "no neuron is placed before the node knows its fleet");

        n1.topology(B1);
        history(A1);
        n1.online("n1");

        assertEquals(version(A1), running());
        ApplyResult result = n1.lastResult();
        assertEquals(TopologyOutcome.REJECTED, result.result());
        assertEquals(version(B1).hash(), result.document(), "the result names the stray document");
        assertEquals(List.of("rev: 1 is not newer than the running rev 1; publish it with a higher rev"),
                result.errors());
        assertEquals(Optional.of("the retained topology " + version(B1) + " is not newer than the running "
                + version(A1) + "; the broker's copy differs from what this node runs, which is what the fleet"
                + " applied"), problem());
        assertEquals(n1.statuses.get(n1.statuses.size() - 1).topologyProblem(), problem(), "the status says it");
    }

    @Test
    void aFreshNodeAdoptsWhatTheFleetAppliedNotAStrayRetainedDocument() {
        connect();
        n1.topology(B1);
        assertEquals(List.of(), n1.results, "no decision before the history was read too");
        history(A1);

        assertEquals(version(A1), running());
        assertTrue(n1.log.contains("read " + Topics.topologyRevision(1)), n1.log.toString());
        assertArrayEquals(bytes(A1), n1.saved, "the adopted document is kept as the local copy");
        n1.online("n1");
        assertEquals(TopologyOutcome.REJECTED, n1.lastResult().result());
        assertEquals(version(B1).hash(), n1.lastResult().document());
        assertTrue(problem().isPresent());
    }

    @Test
    void aHistoryDocumentWhoseContentDoesNotMatchItsHashIsNotUsed() {
        connect();
        n1.topology(B1);
        n1.retained.put(Topics.topologyRevision(1), bytes(B1));
        n1.post(new BrainEvent.HistoryArrived(AppliedHistoryCodec.encode(historyOf(A1))));
        n1.online("n1");

        assertEquals(version(B1), running(), "the retained one runs: the fleet's document could not be read");
        assertEquals(TopologyOutcome.APPLIED, n1.lastResult().result());
    }

    @Test
    void aNewerRevisionInTheHistoryIsAdoptedByANodeThatMissedItsApply() {
        connect();
        n1.topology(A1);
        n1.online("n1");
        assertEquals(version(A1), running());
        int results = n1.results.size();

        history(A2);

        assertEquals(version(A2), running());
        assertEquals(results + 1, n1.results.size(), "the verdict on the retained rev 1 changed: it is told again");
        assertEquals(TopologyOutcome.REJECTED, n1.lastResult().result());
        assertEquals(2, n1.lastResult().running());
        assertTrue(problem().orElseThrow().startsWith("the retained topology " + version(A1) + " is not newer"));

        n1.topology(A2);
        assertEquals(results + 1, n1.results.size(), "the retained topology is now what runs: nothing to report");
        assertEquals(Optional.empty(), problem(), "cleared once the node runs what is retained");
    }

    @Test
    void aNodeWithNothingValidRunsNothingAndSaysWhy() {
        connect();
        n1.topology("{\"rev\":3,\"neurons\":[{\"id\":\"a\",\"threshold\":\"high\"}]}");
        n1.online("n1");

        assertEquals(0, n1.brain.rev());
        assertEquals(TopologyOutcome.REJECTED, n1.lastResult().result());
        assertEquals("", n1.lastResult().document(), "not a valid topology: no document hash");
        assertEquals(3, n1.lastResult().rev());
        assertTrue(problem().orElseThrow().startsWith("no valid topology: the retained topology is not valid ("),
                problem().toString());
    }

    @Test
    void theLowestOnlineNodeRecordsARevisionOnceEveryPeerReportsItAndOnlyOnce() {
        connect();
        history();
        n1.topology(A1);
        n1.online("n1", "n2");
        assertEquals(List.of(), n1.recorded, "n2 has not reported rev 1 yet");

        n1.peerRunning.put("n2", version(A1));
        n1.post(new BrainEvent.PeersReported());
        n1.post(new BrainEvent.PeersReported());

        assertEquals(1, n1.recorded.size(), n1.recorded.toString());
        AppliedHistory.Revision recorded = n1.recorded.get(0).newest().orElseThrow();
        assertEquals(List.of(1L, version(A1).hash(), "t", List.of("n1", "n2")),
                List.of(recorded.rev(), recorded.hash(), recorded.name(), recorded.nodes()));
        assertArrayEquals(bytes(A1), n1.retained.get(Topics.topologyRevision(1)), "the exact document bytes");
        assertFalse(n1.log.contains("read " + Topics.TOPOLOGY_HISTORY), "the history was heard: no extra read");
    }

    @Test
    void aNodeThatIsNotTheLowestNeverRecords() {
        BrainHarness n2 = new BrainHarness("n2");
        n2.post(new BrainEvent.Connected(new CompletableFuture<>()));
        n2.topology(A1);
        n2.online("n1", "n2");
        n2.peerRunning.put("n1", version(A1));
        n2.post(new BrainEvent.PeersReported());
        assertEquals(List.of(), n2.recorded);
    }

    @Test
    void aPeerJoiningReconfiguresNoNeuronWhoseSettingsStayTheSame() {
        String eight = """
                {"rev":1,"defaults":{"threshold":0.9,"mode":"level"},"neurons":[%s]}""".formatted(
                String.join(",", java.util.stream.IntStream.range(0, 8).mapToObj(i -> "{\"id\":\"m" + i + "\"}")
                        .toList()));
        connect();
        n1.topology(eight);
        n1.online("n1");
        n1.online("n1", "n2");
        n1.online("n1");

        n1.post(new BrainEvent.RequestArrived(BrainEvent.Request.LOGS, BrainHarness.message(Topics.REQUEST_LOGS,
                "{}", "r/logs")));
        String logs = new String(n1.replies.get(0), StandardCharsets.UTF_8);
        assertFalse(logs.contains("reconfigured"), logs);

        n1.topology(eight.replace("\"rev\":1", "\"rev\":2").replace("{\"id\":\"m0\"}",
                "{\"id\":\"m0\",\"threshold\":0.5}"));
        n1.post(new BrainEvent.RequestArrived(BrainEvent.Request.LOGS, BrainHarness.message(Topics.REQUEST_LOGS,
                "{}", "r/logs")));
        String after = new String(n1.replies.get(1), StandardCharsets.UTF_8);
        assertTrue(after.contains("m0 reconfigured by the topology"), after);
        assertEquals(1, after.split("reconfigured by").length - 1, "only m0 changed: " + after);
    }
}
