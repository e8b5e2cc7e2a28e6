package io.neuromesh.edge.internal.client;

import io.neuromesh.edge.FleetClient.RolloutEvent;
import io.neuromesh.edge.FleetClient.RolloutEvent.Kind;
import io.neuromesh.edge.wire.NodeState;
import io.neuromesh.edge.wire.NodeStatus;
import io.neuromesh.edge.wire.TopologyOutcome;
import io.neuromesh.edge.wire.TopologyResult;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RolloutTrackerTest {

    private static final String PUBLISHED = "b".repeat(64);
    private static final String OLD = "a".repeat(64);
    private static final Instant TS = Instant.ofEpochMilli(1_000);

    private final RolloutTracker tracker = new RolloutTracker(2, PUBLISHED, List.of("n1", "n2", "n3"));

    private static NodeStatus online(String node, long rev, String hash) {
        return NodeStatus.live(NodeState.ONLINE, node, List.of("x"), TS, new NodeStatus.Running("i", rev, hash, TS,
                0, 0, 1, 2, 0, 0, Optional.empty()));
    }

    private static TopologyResult result(long rev, String document, TopologyOutcome outcome, long running,
                                         String hash, String... errors) {
        return new TopologyResult(rev, document, outcome, running, hash, List.of("x"), List.of(errors), TS);
    }

    @Test
    void aNodeHasAppliedWhenItsStatusRunsThePublishedRevAndHash() {
        assertEquals(List.of(), tracker.onStatus(online("n1", 1, OLD)));
        assertEquals(List.of(new RolloutEvent("n1", Kind.APPLIED, List.of("x"), List.of())),
                tracker.onStatus(online("n1", 2, PUBLISHED)));
        assertEquals(List.of(), tracker.onStatus(online("n1", 2, PUBLISHED)), "an outcome is reported once");
    }

    @Test
    void aResultAboutAnotherDocumentIsIgnoredHoweverItLooks() {
        // The retained result of an earlier publish of rev 2: rejected, same rev, another document.
        assertEquals(List.of(), tracker.onResult("n1", result(2, OLD, TopologyOutcome.REJECTED, 1, OLD, "rev: no")));
        assertEquals(List.of(), tracker.onResult("n1", result(2, OLD, TopologyOutcome.APPLIED, 2, OLD)));
        assertEquals(List.of(), tracker.onResult("n1", result(2, "", TopologyOutcome.REJECTED, 1, OLD, "bad")));
        assertTrue(tracker.outcomes().isEmpty());
    }

    @Test
    void aRejectionOfThisDocumentCarriesItsErrors() {
        assertEquals(List.of(new RolloutEvent("n2", Kind.REJECTED, List.of("x"), List.of("neurons[0]: no"))),
                tracker.onResult("n2", result(2, PUBLISHED, TopologyOutcome.REJECTED, 1, OLD, "neurons[0]: no")));
    }

    @Test
    void aResultShowingThePublishedDocumentRunningIsApplied() {
        assertEquals(Kind.APPLIED, tracker.onResult("n3", result(2, PUBLISHED, TopologyOutcome.APPLIED, 2,
                PUBLISHED)).get(0).kind());
    }

    @Test
    void offlineLateAndNewNodesAreToldApart() {
        assertEquals(List.of(new RolloutEvent("n2", Kind.WENT_OFFLINE, List.of(), List.of())),
                tracker.onStatus(NodeStatus.offline("n2", "connection lost", TS)));
        assertEquals(List.of(new RolloutEvent("n9", Kind.JOINED, List.of("x"), List.of())),
                tracker.onStatus(online("n9", 0, "")));
        assertEquals(List.of(), tracker.onStatus(online("n9", 2, PUBLISHED)), "a joined node is mentioned once");
        tracker.onStatus(online("n1", 2, PUBLISHED));
        assertFalse(tracker.done());
        assertEquals(List.of(new RolloutEvent("n3", Kind.NO_ANSWER, List.of(), List.of())), tracker.timeOut());
        assertTrue(tracker.done());
        assertEquals(Kind.WENT_OFFLINE, tracker.outcomes().get("n2").kind());
        assertFalse(tracker.outcomes().containsKey("n9"), "a joined node has no outcome: it was not waited for");
    }
}
