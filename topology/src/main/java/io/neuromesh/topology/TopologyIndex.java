package io.neuromesh.topology;

import io.neuromesh.topology.internal.parse.DocumentParser;
import io.neuromesh.topology.internal.validate.CrossReferences;
import io.neuromesh.topology.internal.validate.CrossReferences.Resolved;
import io.neuromesh.topology.internal.validate.CrossReferences.Symbol;
import io.neuromesh.topology.internal.validate.ElementKind;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Lookup tables over one {@link Topology}, built once by {@link Topology#index()} (or {@link #parse} with the
 * document) in time proportional to its size; every lookup is then a hash-map access. Immutable and thread-safe.
 * Lists keep document order and are empty, never null, when nothing matches.
 *
 * @since 0.1
 */
public final class TopologyIndex {

    private final Topology topology;
    /** Every sensor, neuron and actuator id, with its kind and position (and the node names the parser met). */
    private final Map<String, Symbol> symbols;
    private final Map<String, NodeSpec> nodes;
    /** The synapses grouped by target, neuron {@code k}'s from {@code incomingStart[k]} to the next group's start. */
    private final List<SynapseSpec> incoming;
    private final int[] incomingStart;
    /** The synapses grouped by source: neuron {@code k}'s group is group {@code k}, sensor {@code j}'s after them. */
    private final List<SynapseSpec> outgoing;
    private final int[] outgoingStart;
    private final Map<String, List<ActuatorSpec>> actuatorsByNeuron;
    private final Map<String, List<NeuronSpec>> neuronsByNode;
    private final Map<String, List<SensorSpec>> sensorsByNode;
    private final Map<String, List<ActuatorSpec>> actuatorsByNode;
    private final List<NeuronSpec> unpinned;
    private final Set<String> nodeIds;
    /**
     * The sensor ids apart: a node asks whether each input of each neuron it adopts comes from a sensor, and a set of
     * a few sensors answers from the cache where the table of every id (100,100 for the bench's 100,000 neurons)
     * missed it each time.
     */
    private final Set<String> sensorIds;

    TopologyIndex(Topology topology) {
        this(topology, CrossReferences.resolve(topology.nodes(), topology.sensors(), topology.neurons(),
                topology.synapses(), topology.actuators()));
    }

    private TopologyIndex(Topology topology, Resolved resolved) {
        this.topology = topology;
        symbols = resolved.symbols();
        nodes = byId(topology.nodes(), NodeSpec::id);
        // The ids were resolved once (by the parser, which met each of them anyway): synapses are grouped by the
        // positions of their ends, with no hashing (grouping 200,000 synapses by id was most of indexing 100,000
        // neurons).
        List<SynapseSpec> synapses = topology.synapses();
        int neuronCount = topology.neurons().size();
        int[] targets = new int[synapses.size()];
        int[] sources = new int[synapses.size()];
        for (int i = 0; i < targets.length; i++) {
            targets[i] = resolved.tos().get(i).index();
            Symbol from = resolved.froms().get(i);
            sources[i] = from.kind() == ElementKind.NEURON ? from.index() : neuronCount + from.index();
        }
        incomingStart = new int[neuronCount + 1];
        incoming = group(synapses, targets, incomingStart);
        outgoingStart = new int[neuronCount + topology.sensors().size() + 1];
        outgoing = group(synapses, sources, outgoingStart);
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
        sensorIds = new HashSet<>(topology.sensors().stream().map(SensorSpec::id).toList());
    }

    /**
     * Parses, validates and indexes a document of at most {@link Topology#DEFAULT_MAX_BYTES}: the same as
     * {@code Topology.parse(utf8).index()}, in less time, as the index takes the ids the parser resolved.
     *
     * @param utf8 the JSON document, UTF-8 encoded (a leading byte order mark is allowed)
     * @return the index of the topology with defaults applied ({@link #topology()})
     * @throws TopologyException listing every problem as {@code "<path>: <what>"}
     * @since 0.2
     */
    public static TopologyIndex parse(byte[] utf8) {
        DocumentParser.Parsed parsed = DocumentParser.parseResolved(Topology.checkSize(utf8, Topology.DEFAULT_MAX_BYTES));
        return new TopologyIndex(parsed.topology(), parsed.resolved());
    }

    /** @return the indexed topology */
    public Topology topology() {
        return topology;
    }

    /** @return the neuron with this id, if any */
    public Optional<NeuronSpec> neuron(String id) {
        Symbol symbol = declared(id, ElementKind.NEURON);
        return symbol == null ? Optional.empty() : Optional.of(topology.neurons().get(symbol.index()));
    }

    /** @return the sensor with this id, if any */
    public Optional<SensorSpec> sensor(String id) {
        Symbol symbol = declared(id, ElementKind.SENSOR);
        return symbol == null ? Optional.empty() : Optional.of(topology.sensors().get(symbol.index()));
    }

    /** @return the actuator with this id, if any */
    public Optional<ActuatorSpec> actuator(String id) {
        Symbol symbol = declared(id, ElementKind.ACTUATOR);
        return symbol == null ? Optional.empty() : Optional.of(topology.actuators().get(symbol.index()));
    }

    /** @return the declared node with this id, if any (nodes that are only referenced are not declared) */
    public Optional<NodeSpec> node(String id) {
        return Optional.ofNullable(nodes.get(id));
    }

    /** @return true when a neuron has this id */
    public boolean isNeuron(String id) {
        return declared(id, ElementKind.NEURON) != null;
    }

    /** @return true when a sensor has this id */
    public boolean isSensor(String id) {
        return sensorIds.contains(id);
    }

    /** @return true when a sensor or a neuron has this id, i.e. it may be the {@code from} of an input */
    public boolean isSource(String id) {
        Symbol symbol = symbols.get(id);
        return symbol != null && (symbol.kind() == ElementKind.NEURON || symbol.kind() == ElementKind.SENSOR);
    }

    /** @return the synapses ending at this neuron */
    public List<SynapseSpec> incoming(String neuronId) {
        Symbol symbol = declared(neuronId, ElementKind.NEURON);
        return symbol == null ? List.of() : slice(incoming, incomingStart, symbol.index());
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
        Symbol symbol = symbols.get(sourceId);
        if (symbol == null || symbol.kind() == null || symbol.kind() == ElementKind.ACTUATOR) {
            return List.of();
        }
        int group = symbol.kind() == ElementKind.NEURON ? symbol.index()
                : topology.neurons().size() + symbol.index();
        return slice(outgoing, outgoingStart, group);
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

    /** The symbol of {@code id} if an element of {@code kind} declares it, else null. */
    private Symbol declared(String id, ElementKind kind) {
        Symbol symbol = symbols.get(id);
        return symbol != null && symbol.kind() == kind ? symbol : null;
    }

    /**
     * Sorts {@code synapses} by {@code keys} (one per synapse) into groups, keeping document order within each
     * (a counting sort); {@code start}, one longer than the number of groups, receives where each group starts.
     */
    private static List<SynapseSpec> group(List<SynapseSpec> synapses, int[] keys, int[] start) {
        for (int key : keys) {
            start[key + 1]++;
        }
        for (int k = 1; k < start.length; k++) {
            start[k] += start[k - 1];
        }
        int[] next = Arrays.copyOf(start, start.length - 1);
        SynapseSpec[] sorted = new SynapseSpec[keys.length];
        for (int i = 0; i < keys.length; i++) {
            sorted[next[keys[i]]++] = synapses.get(i);
        }
        return Arrays.asList(sorted);
    }

    /** Group {@code k} of a {@link #group} result, unmodifiable. */
    private static List<SynapseSpec> slice(List<SynapseSpec> grouped, int[] start, int k) {
        int from = start[k];
        int to = start[k + 1];
        return from == to ? List.of() : Collections.unmodifiableList(grouped.subList(from, to));
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
