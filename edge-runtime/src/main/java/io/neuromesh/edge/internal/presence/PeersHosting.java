package io.neuromesh.edge.internal.presence;

import io.neuromesh.edge.wire.NodeStatus;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which neurons the online peers report hosting, kept from one snapshot of their statuses to the next by the peers
 * whose hosted list changed. A handover asks once per neuron handed over, again on every status heard until its new
 * host reports it; rebuilding one set of every peer's list per snapshot made each status heard cost the whole
 * topology (a 100-node fleet of 100,000 neurons: 100,000 entries per status, 90 statuses after one failover), where
 * catching up costs the length of the lists that changed.
 *
 * <p>Threading: thread-safe, one lock (callers: the brain thread, the lifecycle thread while the node leaves, Home
 * Assistant discovery).
 */
final class PeersHosting {

    /** Neuron id -> how many online peers list it (two, for a moment, while one hands it to the other). */
    private final Map<String, Integer> listedBy = new HashMap<>();
    /** The snapshot {@link #listedBy} describes. */
    private Map<String, NodeStatus> indexed = Map.of();

    /**
     * True when some peer of {@code peers} (an immutable snapshot, replaced as a whole when a status changes) lists
     * {@code neuron}; a peer whose hosted set is not known (a compact heartbeat not matched yet) lists none.
     */
    synchronized boolean hosts(Map<String, NodeStatus> peers, String neuron) {
        if (peers != indexed) {
            catchUp(indexed, peers);
            indexed = peers;
        }
        return listedBy.containsKey(neuron);
    }

    private void catchUp(Map<String, NodeStatus> before, Map<String, NodeStatus> after) {
        // A status keeps its list's instance while the list stays (a compact heartbeat merged into the last full
        // status), so an identical list is one comparison; a new list is unlisted and listed whole.
        before.forEach((node, status) -> {
            List<String> was = listed(status);
            if (was != listed(after.get(node))) {
                was.forEach(this::unlist);
            }
        });
        after.forEach((node, status) -> {
            List<String> now = listed(status);
            if (now != listed(before.get(node))) {
                now.forEach(neuron -> listedBy.merge(neuron, 1, Integer::sum));
            }
        });
    }

    private void unlist(String neuron) {
        listedBy.computeIfPresent(neuron, (id, count) -> count == 1 ? null : count - 1);
    }

    private static List<String> listed(NodeStatus status) {
        return status == null || !status.neuronsKnown() ? List.of() : status.neurons();
    }
}
