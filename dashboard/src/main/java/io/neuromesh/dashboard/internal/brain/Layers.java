package io.neuromesh.dashboard.internal.brain;

import io.neuromesh.topology.NeuronSpec;
import io.neuromesh.topology.SensorSpec;
import io.neuromesh.topology.SynapseSpec;
import io.neuromesh.topology.Topology;

import java.util.HashMap;
import java.util.Map;

/** The Brain page's columns: sensors at depth 0, each neuron one past its deepest source (x, y 1; h1-h3 2; z 3). */
final class Layers {

    private Layers() {
    }

    /**
     * @return the depth of every sensor and neuron. A neuron without inputs has depth 1; in a cycle, depths stop
     *         growing after as many rounds as there are neurons, so a loop cannot push its neurons off the page
     */
    static Map<String, Integer> of(Topology topology) {
        Map<String, Integer> depth = new HashMap<>();
        topology.sensors().stream().map(SensorSpec::id).forEach(id -> depth.put(id, 0));
        topology.neurons().stream().map(NeuronSpec::id).forEach(id -> depth.put(id, 1));
        int max = topology.neurons().size();
        for (int round = 0; round < max; round++) {
            boolean changed = false;
            for (SynapseSpec s : topology.synapses()) {
                int candidate = Math.min(depth.getOrDefault(s.from(), 0) + 1, max);
                if (!topology.index().isSensor(s.to()) && candidate > depth.getOrDefault(s.to(), 1)) {
                    depth.put(s.to(), candidate);
                    changed = true;
                }
            }
            if (!changed) {
                break;
            }
        }
        return depth;
    }
}
