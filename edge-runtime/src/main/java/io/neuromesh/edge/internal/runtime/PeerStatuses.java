package io.neuromesh.edge.internal.runtime;

import io.neuromesh.edge.internal.port.Peers;
import io.neuromesh.edge.internal.presence.Presence;
import io.neuromesh.edge.wire.NodeStatus;
import io.neuromesh.topology.TopologyVersion;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** The peers as presence hears their statuses. Thread-safe. */
final class PeerStatuses implements Peers {

    /** The neurons the online peers report, for one snapshot of their statuses (presence replaces it on news). */
    private record HostedIndex(Map<String, NodeStatus> peers, Set<String> neurons) {
    }

    private final Presence presence;
    private volatile HostedIndex index = new HostedIndex(Map.of(), Set.of());

    PeerStatuses(Presence presence) {
        this.presence = presence;
    }

    @Override
    public boolean hostedElsewhere(String neuron) {
        // A handover asks once per neuron handed over, and statuses list every hosted neuron: scanning each peer's
        // list per question made a 10,000-neuron handover cost 10^8 comparisons on the brain thread. One set per
        // snapshot of the statuses answers in constant time.
        Map<String, NodeStatus> peers = presence.peers();
        HostedIndex current = index;
        if (current.peers() != peers) {
            Set<String> neurons = new HashSet<>();
            // A peer whose hosted set is not known (a compact heartbeat not matched yet) reports none.
            peers.values().stream().filter(NodeStatus::neuronsKnown)
                    .forEach(status -> neurons.addAll(status.neurons()));
            current = new HostedIndex(peers, neurons);
            index = current;
        }
        return current.neurons().contains(neuron);
    }

    @Override
    public Map<String, TopologyVersion> running() {
        Map<String, TopologyVersion> running = new HashMap<>();
        presence.peers().forEach((node, status) -> status.running().filter(r -> r.rev() >= 1)
                .ifPresent(r -> running.put(node, new TopologyVersion(r.rev(), r.hash()))));
        return running;
    }
}
