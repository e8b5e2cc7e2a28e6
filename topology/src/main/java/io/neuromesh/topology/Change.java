package io.neuromesh.topology;

import io.neuromesh.topology.internal.validate.Check;

/**
 * One element that exists in both revisions with different settings (same id; for synapses, same pair).
 *
 * @param before the element in the older topology
 * @param after  the element in the newer topology
 * @param <T>    the element type, e.g. {@link NeuronSpec}
 * @since 0.1
 */
public record Change<T>(T before, T after) {

    /** Both sides are required. */
    public Change {
        Check.notNull("before", before);
        Check.notNull("after", after);
    }
}
