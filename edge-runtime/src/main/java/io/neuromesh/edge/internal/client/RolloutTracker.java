package io.neuromesh.edge.internal.client;

import io.neuromesh.edge.FleetClient.RolloutEvent;
import io.neuromesh.edge.FleetClient.RolloutEvent.Kind;
import io.neuromesh.edge.wire.NodeState;
import io.neuromesh.edge.wire.NodeStatus;
import io.neuromesh.edge.wire.TopologyOutcome;
import io.neuromesh.edge.wire.TopologyResult;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The per-node outcome of one topology publish, from the statuses and results that arrive afterwards. Only evidence
 * about this publish counts: a status running its (rev, hash), or a result whose {@code document} is its hash. A
 * retained result of an earlier publish names another document and is ignored, however recent it looks.
 *
 * <p>Thread-safe: the client's dispatch thread feeds it while the waiting thread reads it.
 */
final class RolloutTracker {

    private final long rev;
    private final String hash;
    private final Set<String> waited;
    private final Map<String, RolloutEvent> outcomes = new TreeMap<>();
    private final Set<String> joined = new HashSet<>();

    /**
     * @param rev    the published rev
     * @param hash   the published document's content hash
     * @param waited the nodes online at publish time, whose outcome is awaited
     */
    RolloutTracker(long rev, String hash, Collection<String> waited) {
        this.rev = rev;
        this.hash = hash;
        this.waited = Set.copyOf(waited);
    }

    /** @return the events this status causes: an outcome for a waited node, or a node joining */
    synchronized List<RolloutEvent> onStatus(NodeStatus status) {
        String node = status.node();
        if (!waited.contains(node)) {
            if (status.online() && status.neuronsKnown() && joined.add(node)) {
                return List.of(new RolloutEvent(node, Kind.JOINED, status.neurons(), List.of()));
            }
            return List.of();
        }
        if (outcomes.containsKey(node)) {
            return List.of();
        }
        // A status whose hosted set is not known yet waits for the full one (or the node's topology result).
        if (status.neuronsKnown() && status.runs(rev, hash)) {
            return settle(new RolloutEvent(node, Kind.APPLIED, status.neurons(), List.of()));
        }
        if (status.state() != NodeState.ONLINE) {
            return settle(new RolloutEvent(node, Kind.WENT_OFFLINE, List.of(), List.of()));
        }
        return List.of();
    }

    /** @return the outcome this result gives a waited node, when it is about this publish */
    synchronized List<RolloutEvent> onResult(String node, TopologyResult result) {
        if (!waited.contains(node) || outcomes.containsKey(node)) {
            return List.of();
        }
        if (result.running() == rev && result.hash().equals(hash)) {
            // The node runs the published document: a fact whatever message the result is about.
            return settle(new RolloutEvent(node, Kind.APPLIED, result.neurons(), List.of()));
        }
        if (result.document().equals(hash) && result.result() == TopologyOutcome.REJECTED) {
            return settle(new RolloutEvent(node, Kind.REJECTED, result.neurons(), result.errors()));
        }
        return List.of();
    }

    /** @return a {@link Kind#NO_ANSWER} event for every waited node without an outcome; settles them */
    synchronized List<RolloutEvent> timeOut() {
        List<RolloutEvent> events = new ArrayList<>();
        for (String node : waited.stream().sorted().toList()) {
            if (!outcomes.containsKey(node)) {
                events.addAll(settle(new RolloutEvent(node, Kind.NO_ANSWER, List.of(), List.of())));
            }
        }
        return events;
    }

    /** @return true when every waited node has an outcome */
    synchronized boolean done() {
        return outcomes.size() == waited.size();
    }

    /** @return the outcome of each waited node so far, keyed by node */
    synchronized Map<String, RolloutEvent> outcomes() {
        return Map.copyOf(outcomes);
    }

    private List<RolloutEvent> settle(RolloutEvent event) {
        outcomes.put(event.node(), event);
        return List.of(event);
    }
}
