package io.neuromesh.edge.internal.port;

import io.neuromesh.topology.TopologyVersion;

import java.util.Map;

/** What the other online nodes report in their statuses. Thread-safe; the brain reads it. */
public interface Peers {

    /** Whether another online node reports hosting {@code neuron} (it ends a handover). */
    boolean hostedElsewhere(String neuron);

    /** The topology each online peer reports running, by node id; a peer running none is absent. */
    Map<String, TopologyVersion> running();
}
