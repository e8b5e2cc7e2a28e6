package io.neuromesh.edge.internal.runtime;

import io.neuromesh.edge.internal.port.Peers;
import io.neuromesh.edge.internal.presence.Presence;
import io.neuromesh.topology.TopologyVersion;

import java.util.HashMap;
import java.util.Map;

/** The peers as presence hears their statuses. Thread-safe. */
final class PeerStatuses implements Peers {

    private final Presence presence;

    PeerStatuses(Presence presence) {
        this.presence = presence;
    }

    @Override
    public boolean hostedElsewhere(String neuron) {
        return presence.hostedElsewhere(neuron);
    }

    @Override
    public Map<String, TopologyVersion> running() {
        Map<String, TopologyVersion> running = new HashMap<>();
        presence.peers().forEach((node, status) -> status.running().filter(r -> r.rev() >= 1)
                .ifPresent(r -> running.put(node, new TopologyVersion(r.rev(), r.hash()))));
        return running;
    }
}
