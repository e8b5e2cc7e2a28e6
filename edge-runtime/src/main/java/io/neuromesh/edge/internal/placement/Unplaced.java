package io.neuromesh.edge.internal.placement;

import java.util.Objects;

/**
 * A neuron without a pinned node that no online node may host right now. It runs nowhere until the fleet or the
 * topology changes.
 *
 * @param neuron the neuron id
 * @param reason why, for status lines and logs, e.g. {@code no online node has the labels it requires: gpio}
 */
public record Unplaced(String neuron, String reason) {

    /** Both fields are required. */
    public Unplaced {
        Objects.requireNonNull(neuron, "neuron");
        Objects.requireNonNull(reason, "reason");
    }
}
