package io.neuromesh.edge.internal.port;

import io.neuromesh.topology.TopologyIndex;

import java.util.Optional;
import java.util.SortedSet;

/**
 * Told what this node runs after every control event (a topology, membership or peer report, a reconnect), never per
 * input: the index of the topology running here and the neurons hosted. Mostly nothing changed; the watcher
 * compares. Brain thread; must not block.
 */
@FunctionalInterface
public interface HostingWatch {

    /** Nobody watches. */
    HostingWatch NONE = (topology, hosted) -> { };

    void hosting(Optional<TopologyIndex> running, SortedSet<String> hosted);
}
