package io.neuromesh.topology;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Lookup tables over one {@link Topology}, built once by {@link Topology#index()} in time proportional to its
 * size; every lookup is then a hash-map access. Immutable and thread-safe. Lists keep document order and are
 * empty, never null, when nothing matches.
 *
 * @since 0.1
 */
public final class TopologyIndex {

    private final Topology topology;
    private final Map<String, NeuronSpec> neurons;
    private final Map<String, SensorSpec> sensors;
    private final Map<String, ActuatorSpec> actuators;
    private final Map<String, NodeSpec> nodes;
    private final Map<String, List<SynapseSpec>> incoming;
    private final Map<String, List<SynapseSpec>> outgoing;
    private final Map<String, List<ActuatorSpec>> actuatorsByNeuron;
    private final Map<String, List<NeuronSpec>> neuronsByNode;
    private final Map<String, List<SensorSpec>> sensorsByNode;
    private final Map<String, List<ActuatorSpec>> actuatorsByNode;
    private final List<NeuronSpec> unpinned;
    private final Set<String> nodeIds;

    TopologyIndex(Topology topology) {
        this.topology = topology;
        neurons = byId(topology.neurons(), NeuronSpec::id);
        sensors = byId(topology.sensors(), SensorSpec::id);
        actuators = byId(topology.actuators(), ActuatorSpec::id);
        nodes = byId(topology.nodes(), NodeSpec::id);
        incoming = groupBy(topology.synapses(), SynapseSpec::to);
        outgoing = groupBy(topology.synapses(), SynapseSpec::from);
        actuatorsByNeuron = groupBy(topology.actuators(), ActuatorSpec::neuron);
        neuronsByNode = groupBy(topology.neurons().stream().filter(NeuronSpec::isPinned).toList(), NeuronSpec::node);
        sensorsByNode = groupBy(topology.sensors().stream().filter(s -> !s.isVirtual()).toList(),
                s -> s.gpio().node());
        actuatorsByNode = groupBy(topology.actuators(), ActuatorSpec::node);
        unpinned = topology.neurons().stream().filter(n -> !n.isPinned()).toList();
        Set<String> ids = new LinkedHashSet<>(nodes.keySet());
        topology.sensors().stream().filter(s -> !s.isVirtual()).forEach(s -> ids.add(s.gpio().node()));
        topology.neurons().stream().filter(NeuronSpec::isPinned).forEach(n -> ids.add(n.node()));
        topology.actuators().forEach(a -> ids.add(a.node()));
        nodeIds = Collections.unmodifiableSet(ids);
    }

    /** @return the indexed topology */
    public Topology topology() {
        return topology;
    }

    /** @return the neuron with this id, if any */
    public Optional<NeuronSpec> neuron(String id) {
        return Optional.ofNullable(neurons.get(id));
    }

    /** @return the sensor with this id, if any */
    public Optional<SensorSpec> sensor(String id) {
        return Optional.ofNullable(sensors.get(id));
    }

    /** @return the actuator with this id, if any */
    public Optional<ActuatorSpec> actuator(String id) {
        return Optional.ofNullable(actuators.get(id));
    }

    /** @return the declared node with this id, if any (nodes that are only referenced are not declared) */
    public Optional<NodeSpec> node(String id) {
        return Optional.ofNullable(nodes.get(id));
    }

    /** @return true when a neuron has this id */
    public boolean isNeuron(String id) {
        return neurons.containsKey(id);
    }

    /** @return true when a sensor has this id */
    public boolean isSensor(String id) {
        return sensors.containsKey(id);
    }

    /** @return true when a sensor or a neuron has this id, i.e. it may be the {@code from} of an input */
    public boolean isSource(String id) {
        return neurons.containsKey(id) || sensors.containsKey(id);
    }

    /** @return the synapses ending at this neuron */
    public List<SynapseSpec> incoming(String neuronId) {
        return incoming.getOrDefault(neuronId, List.of());
    }

    /**
     * @return the weight of each synapse ending at this neuron, by its source id, in the order of {@link #incoming};
     *         a new mutable map on each call (what a neuron weighs its inputs with)
     */
    public Map<String, Double> weights(String neuronId) {
        List<SynapseSpec> synapses = incoming(neuronId);
        Map<String, Double> weights = LinkedHashMap.newLinkedHashMap(synapses.size());
        synapses.forEach(s -> weights.put(s.from(), s.weight()));
        return weights;
    }

    /** @return the synapses starting at this sensor or neuron */
    public List<SynapseSpec> outgoing(String sourceId) {
        return outgoing.getOrDefault(sourceId, List.of());
    }

    /**
     * Finds the synapse between two elements, scanning the shorter of {@code outgoing(from)} and
     * {@code incoming(to)}.
     *
     * @return the synapse from {@code from} to {@code to}, if any
     */
    public Optional<SynapseSpec> synapse(String from, String to) {
        List<SynapseSpec> out = outgoing(from);
        List<SynapseSpec> in = incoming(to);
        List<SynapseSpec> shorter = out.size() <= in.size() ? out : in;
        for (SynapseSpec synapse : shorter) {
            if (synapse.from().equals(from) && synapse.to().equals(to)) {
                return Optional.of(synapse);
            }
        }
        return Optional.empty();
    }

    /** @return the actuators following this neuron */
    public List<ActuatorSpec> actuatorsFollowing(String neuronId) {
        return actuatorsByNeuron.getOrDefault(neuronId, List.of());
    }

    /** @return the neurons pinned to this node (automatically placed neurons are not included) */
    public List<NeuronSpec> neuronsPinnedTo(String nodeId) {
        return neuronsByNode.getOrDefault(nodeId, List.of());
    }

    /** @return the GPIO sensors read by this node */
    public List<SensorSpec> gpioSensorsOn(String nodeId) {
        return sensorsByNode.getOrDefault(nodeId, List.of());
    }

    /** @return the actuators driven by this node */
    public List<ActuatorSpec> actuatorsOn(String nodeId) {
        return actuatorsByNode.getOrDefault(nodeId, List.of());
    }

    /** @return the neurons without a {@code node}, waiting for automatic placement */
    public List<NeuronSpec> unpinnedNeurons() {
        return unpinned;
    }

    /**
     * @return every node id the topology mentions: declared nodes first, then nodes named by GPIO sensors, pinned
     *         neurons and actuators, each once, in that order
     */
    public Set<String> nodeIds() {
        return nodeIds;
    }

    private static <T> Map<String, T> byId(List<T> elements, Function<T, String> id) {
        Map<String, T> map = HashMap.newHashMap(elements.size());
        for (T element : elements) {
            map.put(id.apply(element), element);
        }
        return Collections.unmodifiableMap(map);
    }

    private static <T> Map<String, List<T>> groupBy(List<T> elements, Function<T, String> key) {
        // Sized for one group per element, the usual case of synapses per neuron; each group starts small, as most
        // hold a few elements.
        Map<String, List<T>> groups = HashMap.newHashMap(elements.size());
        for (T element : elements) {
            groups.computeIfAbsent(key.apply(element), k -> new ArrayList<>(2)).add(element);
        }
        groups.replaceAll((k, list) -> List.copyOf(list));
        return Collections.unmodifiableMap(groups);
    }
}
