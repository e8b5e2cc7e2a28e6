package io.neuromesh.dashboard.internal.brain;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.neuromesh.edge.FleetClient.OutputEvent;
import io.neuromesh.edge.wire.NodeStatus;
import io.neuromesh.topology.NeuronSpec;
import io.neuromesh.topology.SensorSpec;
import io.neuromesh.topology.SynapseSpec;
import io.neuromesh.topology.Topology;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The Brain page's graph: sensors, neurons with the node that hosts them (as the nodes report it; the topology's
 * pin, or {@value #UNPLACED}, when no online node does) and their outputs, synapses with weights, and the nodes.
 */
public final class BrainJson {

    /** The group of neurons no online node hosts. */
    static final String UNPLACED = "unplaced";

    private BrainJson() {
    }

    /**
     * @param running  what the fleet runs; empty when nothing does yet
     * @param statuses every node's status
     * @param outputs  the latest output of each neuron
     * @param sensors  the value last set from the dashboard for each virtual sensor
     */
    public static JsonObject of(Optional<Topology> running, Map<String, NodeStatus> statuses,
                                Map<String, OutputEvent> outputs, Map<String, Double> sensors) {
        JsonObject brain = new JsonObject();
        Map<String, String> hosts = new TreeMap<>();
        statuses.values().stream().filter(NodeStatus::online)
                .forEach(s -> s.neurons().forEach(n -> hosts.put(n, s.node())));
        Map<String, String> nodes = new TreeMap<>();
        statuses.values().forEach(s -> nodes.put(s.node(), s.state().wireName()));
        brain.addProperty("rev", running.map(Topology::rev).orElse(0L));
        brain.addProperty("name", running.map(Topology::name).orElse(null));
        JsonArray sensorArray = new JsonArray();
        JsonArray neuronArray = new JsonArray();
        JsonArray synapseArray = new JsonArray();
        running.ifPresent(t -> {
            Map<String, Integer> depth = Layers.of(t);
            for (SensorSpec s : t.sensors()) {
                JsonObject sensor = new JsonObject();
                sensor.addProperty("id", s.id());
                sensor.addProperty("virtual", s.isVirtual());
                sensor.addProperty("node", s.isVirtual() ? null : s.gpio().node());
                sensor.addProperty("pin", s.isVirtual() ? null : s.gpio().pin());
                sensor.addProperty("value", sensors.get(s.id()));
                sensorArray.add(sensor);
            }
            for (NeuronSpec n : t.neurons()) {
                String host = hosts.getOrDefault(n.id(), n.node() != null ? n.node() : UNPLACED);
                nodes.putIfAbsent(host, host.equals(UNPLACED) ? UNPLACED : "unknown");
                JsonObject neuron = new JsonObject();
                neuron.addProperty("id", n.id());
                neuron.addProperty("node", host);
                neuron.addProperty("hosted", hosts.containsKey(n.id()));
                neuron.addProperty("depth", depth.get(n.id()));
                neuron.addProperty("threshold", n.threshold());
                neuron.addProperty("mode", n.mode().name().toLowerCase(java.util.Locale.ROOT));
                OutputEvent output = outputs.get(n.id());
                neuron.addProperty("output", output == null ? null : output.value());
                neuronArray.add(neuron);
            }
            for (SynapseSpec s : t.synapses()) {
                JsonObject synapse = new JsonObject();
                synapse.addProperty("from", s.from());
                synapse.addProperty("to", s.to());
                synapse.addProperty("weight", s.weight());
                synapse.addProperty("inhibitory", s.weight() < 0);
                synapseArray.add(synapse);
            }
        });
        JsonArray nodeArray = new JsonArray();
        nodes.forEach((id, state) -> {
            JsonObject node = new JsonObject();
            node.addProperty("id", id);
            node.addProperty("state", state);
            nodeArray.add(node);
        });
        brain.add("nodes", nodeArray);
        brain.add("sensors", sensorArray);
        brain.add("neurons", neuronArray);
        brain.add("synapses", synapseArray);
        return brain;
    }
}
