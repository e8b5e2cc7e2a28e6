package io.neuromesh.edge.internal.presence;

import io.neuromesh.edge.wire.NodeState;
import io.neuromesh.edge.wire.NodeStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PeersHostingTest {

    private static final Instant TS = Instant.ofEpochMilli(1_767_225_600_000L);
    private static final NodeStatus.Running RUNNING = new NodeStatus.Running("3f2a", 1, "1a26", TS.minusSeconds(100),
            12, 0, 31, 6028, 0, 0, Optional.empty());

    private final PeersHosting hosting = new PeersHosting();

    private static NodeStatus online(String node, String... neurons) {
        return NodeStatus.live(NodeState.ONLINE, node, List.of(neurons), TS, RUNNING);
    }

    /** A compact heartbeat that did not match: the last list known, flagged unknown. */
    private static NodeStatus unknown(NodeStatus last) {
        return new NodeStatus(last.state(), last.node(), last.neurons(), TS, last.running(), Optional.empty(),
                Optional.empty(), false);
    }

    @Test
    void aNeuronIsHostedElsewhereWhileSomeOnlinePeerListsIt() {
        NodeStatus n2 = online("n2", "x", "y");
        Map<String, NodeStatus> first = Map.of("n2", n2, "n3", online("n3", "z"));
        assertTrue(hosting.hosts(first, "x"));
        assertTrue(hosting.hosts(first, "z"));
        assertFalse(hosting.hosts(first, "h1"));

        // n3 hands z to n2: for a moment both list it; then n3 lists none, and n2 still does.
        NodeStatus n2WithZ = online("n2", "x", "y", "z");
        Map<String, NodeStatus> both = Map.of("n2", n2WithZ, "n3", online("n3", "z"));
        assertTrue(hosting.hosts(both, "z"));
        Map<String, NodeStatus> handed = Map.of("n2", n2WithZ, "n3", online("n3"));
        assertTrue(hosting.hosts(handed, "z"), "n2 lists z");
        Map<String, NodeStatus> n2Gone = Map.of("n3", online("n3"));
        assertFalse(hosting.hosts(n2Gone, "z"), "a peer that went offline lists nothing");
        assertFalse(hosting.hosts(n2Gone, "x"));
        assertFalse(hosting.hosts(Map.of(), "y"));
    }

    @Test
    void aPeerWhoseListIsNotKnownListsNoneUntilItsFullStatusArrives() {
        NodeStatus n2 = online("n2", "x");
        assertTrue(hosting.hosts(Map.of("n2", n2), "x"));
        Map<String, NodeStatus> unmatched = Map.of("n2", unknown(n2));
        assertFalse(hosting.hosts(unmatched, "x"));
        assertTrue(hosting.hosts(Map.of("n2", online("n2", "x", "y")), "y"));
    }

    @Test
    void snapshotsThatKeepAPeersListCountItOnce() {
        NodeStatus n2 = online("n2", "x");
        // Heartbeats merged into the last full status keep its list: each new snapshot must not count it again, or
        // the neuron would stay listed after n2 leaves.
        for (int beat = 0; beat < 5; beat++) {
            NodeStatus merged = new NodeStatus(n2.state(), "n2", n2.neurons(), TS.plusSeconds(beat), n2.running(),
                    Optional.empty(), Optional.empty());
            assertTrue(hosting.hosts(Map.of("n2", merged, "n3", online("n3", "y")), "x"));
        }
        // A full status with an equal list in a new instance replaces it, also counted once.
        assertTrue(hosting.hosts(Map.of("n2", online("n2", "x"), "n3", online("n3", "y")), "x"));
        assertFalse(hosting.hosts(Map.of("n3", online("n3", "y")), "x"));
        assertTrue(hosting.hosts(Map.of("n3", online("n3", "y")), "y"));
    }
}
