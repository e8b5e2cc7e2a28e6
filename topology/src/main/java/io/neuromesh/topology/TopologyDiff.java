package io.neuromesh.topology;

import io.neuromesh.topology.internal.diff.Descriptions;
import io.neuromesh.topology.internal.diff.Differ;
import io.neuromesh.topology.internal.validate.Check;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The difference between two topologies, element by element: neurons, sensors, actuators and nodes are matched
 * by id, synapses by their (from, to) pair. Compares effective settings, so a neuron whose threshold moved from
 * {@code defaults} into the neuron itself is unchanged; {@code rev}, {@code name} and {@code defaults} themselves
 * are not compared. The tick ({@code tickMs}) is: it changes how the whole network computes. Immutable and thread-safe.
 *
 * @param tick      the tick's change, when it changed (from or to {@link Duration#ZERO}: no ticks)
 * @param nodes     declared nodes added, removed or changed (labels, capacity)
 * @param sensors   sensors added, removed or changed
 * @param neurons   neurons added, removed or changed
 * @param synapses  synapses added, removed or changed (a synapse changes when its weight changes)
 * @param actuators actuators added, removed or changed
 * @since 0.1
 */
public record TopologyDiff(Optional<Change<Duration>> tick, Changes<NodeSpec> nodes, Changes<SensorSpec> sensors, Changes<NeuronSpec> neurons,
                           Changes<SynapseSpec> synapses, Changes<ActuatorSpec> actuators) {

    /** All parts are required. */
    public TopologyDiff {
        Check.notNull("tick", tick);
        Check.notNull("nodes", nodes);
        Check.notNull("sensors", sensors);
        Check.notNull("neurons", neurons);
        Check.notNull("synapses", synapses);
        Check.notNull("actuators", actuators);
    }

    /**
     * Compares two topologies in time proportional to their size.
     *
     * @param before the older topology, or null for none (then everything in {@code after} is added)
     * @param after  the newer topology
     * @return what changed from {@code before} to {@code after}
     */
    public static TopologyDiff between(Topology before, Topology after) {
        Check.notNull("after", after);
        return Differ.between(before, after);
    }

    /** @return true when the two topologies describe the same network */
    public boolean isEmpty() {
        return tick.isEmpty() && nodes.isEmpty() && sensors.isEmpty() && neurons.isEmpty() && synapses.isEmpty() && actuators.isEmpty();
    }

    /**
     * Lines for humans: the tick first when it changed ({@code ~ tickMs 0 -> 50}), then one per element, grouped by
     * kind (nodes, sensors, neurons, synapses, actuators) and
     * within a kind removals, additions, then changes: {@code - sensor sensor_y},
     * {@code + neuron h4 (node n2, level, threshold 0.9)}, {@code ~ neuron h2: threshold 1.9 -> 1.5},
     * {@code ~ synapse h2 -> z: weight -2.0 -> 2.0}.
     *
     * @return the lines; empty when {@link #isEmpty()}
     */
    public List<String> describe() {
        return Descriptions.describe(this);
    }
}
