package io.neuromesh.topology;

import io.neuromesh.topology.internal.validate.Check;
import io.neuromesh.topology.internal.validate.Rules;

import java.util.List;
import java.util.OptionalInt;

/**
 * A declared runtime node. Declaring nodes is optional: neurons, sensors and actuators may name any node; a
 * declaration only adds labels and a capacity for automatic placement. JSON: {@code nodes[]}.
 *
 * @param id       the node id (the {@link Ids} rule)
 * @param labels   what the node offers, e.g. {@code gpio}; a neuron that {@link NeuronSpec#requires() requires}
 *                 labels is placed automatically only on nodes having all of them. Immutable, no duplicates.
 * @param capacity most neurons placed automatically on this node (at least 1); empty means no limit
 * @since 0.1
 */
public record NodeSpec(String id, List<String> labels, OptionalInt capacity) {

    /** Validates every field; throws {@link IllegalArgumentException} {@code "<field>: <what>"}. */
    public NodeSpec {
        Check.id("id", id);
        labels = Check.labels("labels", labels);
        Check.notNull("capacity", capacity);
        if (capacity.isPresent()) {
            Check.integer("capacity", capacity.getAsInt(), Rules.CAPACITY);
        }
    }

    /** @return a node with no labels and no capacity limit */
    public static NodeSpec of(String id) {
        return new NodeSpec(id, List.of(), OptionalInt.empty());
    }
}
