package io.neuromesh.topology;

import io.neuromesh.topology.internal.validate.Check;

import java.util.List;

/**
 * What changed in one kind of element between two topologies. Lists are immutable; {@code added} and
 * {@code changed} follow the newer document's order, {@code removed} the older one's.
 *
 * @param added   elements only in the newer topology
 * @param removed elements only in the older topology
 * @param changed elements in both, with different settings
 * @param <T>     the element type, e.g. {@link NeuronSpec}
 * @since 0.1
 */
public record Changes<T>(List<T> added, List<T> removed, List<Change<T>> changed) {

    /** Copies the lists. */
    public Changes {
        added = Check.list("added", added);
        removed = Check.list("removed", removed);
        changed = Check.list("changed", changed);
    }

    /** @return true when nothing was added, removed or changed */
    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
    }
}
