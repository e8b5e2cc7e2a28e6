package io.neuromesh.topology.internal.validate;

import io.neuromesh.topology.ActuatorSpec;
import io.neuromesh.topology.NeuronSpec;
import io.neuromesh.topology.NodeSpec;
import io.neuromesh.topology.SensorSpec;
import io.neuromesh.topology.SynapseSpec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The rules that span elements: unique ids, references to existing elements of the right kind, one synapse per
 * pair and one user per pin. Shared by the parser (which feeds what it could read, so that one bad field does not
 * hide other errors) and the {@code Topology} constructor.
 *
 * <p>Declarations and pins must be fed in document order, so that a duplicate names the first occurrence.
 * A reference to an element declared before it is checked at once; the others in {@link #finish()}, once everything
 * is declared. Not thread-safe.
 */
public final class CrossReferences {

    private enum Role {
        SYNAPSE_FROM("synapses", "from"),
        SYNAPSE_TO("synapses", "to"),
        ACTUATOR_NEURON("actuators", "neuron");

        private final String array;
        private final String field;

        Role(String array, String field) {
            this.array = array;
            this.field = field;
        }
    }

    /**
     * One distinct id of a document, shared by every mention of it: a reference to an element declared before it
     * is checked without a lookup (the parser meets 400,000 mentions for 100,000 neurons), and the id's String is
     * kept once. Declared once a sensor, neuron or actuator has it; the first declaration is the one that counts.
     */
    public static final class Symbol {

        private final String id;
        /** The declaring element's kind, null until an element declares the id. */
        private ElementKind kind;
        private int index;

        private Symbol(String id) {
            this.id = id;
        }

        /** @return the id (one String for every mention) */
        public String id() {
            return id;
        }

        /** @return the kind of element that declares the id, null when none does */
        public ElementKind kind() {
            return kind;
        }

        /** @return the declaring element's position in its array */
        public int index() {
            return index;
        }

        private Path path() {
            return Path.element(kind.array(), index);
        }
    }

    private record Reference(Role role, int index, long order, Symbol symbol) {
    }

    private record PinKey(String node, int pin) {
    }

    private record PinUser(ElementKind kind, int index, String id) {
    }

    /**
     * Set while the parser builds the topology it has just checked with these same rules on these same elements:
     * the constructor's second check found nothing new and took a seventh of parsing 100,000 neurons.
     */
    private static final ThreadLocal<Boolean> CHECKED_BY_PARSER = new ThreadLocal<>();

    private final Issues issues;
    private final Map<String, Integer> nodes = new HashMap<>();
    private final Map<String, Symbol> symbols;
    private final Map<PinKey, PinUser> pins = new HashMap<>();
    private final SynapsePairs synapses;
    private final List<Reference> references;
    /** The symbols of each synapse's ends, by synapse index: what an index of the topology sorts synapses by. */
    private Symbol[] synapseFroms;
    private Symbol[] synapseTos;

    /**
     * @param issues           receives every violation
     * @param expectedElements about how many distinct ids the document has (tables are sized for it)
     * @param expectedSynapses about how many synapses will be recorded
     */
    public CrossReferences(Issues issues, int expectedElements, int expectedSynapses) {
        this.issues = issues;
        symbols = HashMap.newHashMap(expectedElements);
        synapses = new SynapsePairs(expectedSynapses);
        references = new ArrayList<>();
        synapseFroms = new Symbol[Math.max(1, expectedSynapses)];
        synapseTos = new Symbol[synapseFroms.length];
    }

    /**
     * The ids of a complete, valid topology's elements, the ones its index looks up.
     *
     * @param symbols every id's symbol, declared
     * @param froms   the symbol of each synapse's source, by synapse index
     * @param tos     the symbol of each synapse's target, by synapse index
     */
    public record Resolved(Map<String, Symbol> symbols, List<Symbol> froms, List<Symbol> tos) {
    }

    /**
     * Checks the cross-element rules of complete, individually valid elements, in canonical order.
     *
     * @param issues receives every violation
     */
    public static void check(List<NodeSpec> nodes, List<SensorSpec> sensors, List<NeuronSpec> neurons,
                             List<SynapseSpec> synapses, List<ActuatorSpec> actuators, Issues issues) {
        if (CHECKED_BY_PARSER.get() == null) {
            collect(nodes, sensors, neurons, synapses, actuators, issues);
        }
    }

    /** The ids of a complete, valid topology, as {@link #resolved} gives them. */
    public static Resolved resolve(List<NodeSpec> nodes, List<SensorSpec> sensors, List<NeuronSpec> neurons,
                                   List<SynapseSpec> synapses, List<ActuatorSpec> actuators) {
        return collect(nodes, sensors, neurons, synapses, actuators, new Issues()).resolved(synapses.size());
    }

    private static CrossReferences collect(List<NodeSpec> nodes, List<SensorSpec> sensors, List<NeuronSpec> neurons,
                                           List<SynapseSpec> synapses, List<ActuatorSpec> actuators, Issues issues) {
        CrossReferences refs = new CrossReferences(issues, sensors.size() + neurons.size() + actuators.size(),
                synapses.size());
        long order = 0;
        for (int i = 0; i < nodes.size(); i++) {
            refs.node(i, order++, nodes.get(i).id());
        }
        for (int i = 0; i < sensors.size(); i++) {
            SensorSpec sensor = sensors.get(i);
            refs.element(ElementKind.SENSOR, i, order++, refs.symbol(sensor.id()));
            if (sensor.gpio() != null) {
                refs.pin(ElementKind.SENSOR, i, sensor.id(), order++, sensor.gpio().node(), sensor.gpio().pin());
            }
        }
        for (int i = 0; i < neurons.size(); i++) {
            refs.element(ElementKind.NEURON, i, order++, refs.symbol(neurons.get(i).id()));
        }
        for (int i = 0; i < synapses.size(); i++) {
            SynapseSpec synapse = synapses.get(i);
            refs.synapse(i, order, refs.symbol(synapse.from()), order + 1, refs.symbol(synapse.to()));
            order += 2;
        }
        for (int i = 0; i < actuators.size(); i++) {
            ActuatorSpec actuator = actuators.get(i);
            refs.element(ElementKind.ACTUATOR, i, order++, refs.symbol(actuator.id()));
            refs.pin(ElementKind.ACTUATOR, i, actuator.id(), order++, actuator.node(), actuator.pin());
            refs.actuatorNeuron(i, order++, refs.symbol(actuator.neuron()));
        }
        refs.finish();
        return refs;
    }

    /**
     * The symbols of a document whose every element was fed and found valid, {@code synapseCount} synapses among
     * them; this checker's tables are handed over, it is not used after this.
     */
    public Resolved resolved(int synapseCount) {
        return new Resolved(symbols, Arrays.asList(synapseFroms).subList(0, synapseCount),
                Arrays.asList(synapseTos).subList(0, synapseCount));
    }

    /**
     * Runs {@code build}, a parser building the topology whose elements this class has just checked (with no
     * problem), without checking them again in the {@code Topology} constructor. Only for that: anything else built
     * inside {@code build} on this thread is not checked either.
     */
    public static <T> T checkedByParser(Supplier<T> build) {
        CHECKED_BY_PARSER.set(Boolean.TRUE);
        try {
            return build.get();
        } finally {
            CHECKED_BY_PARSER.remove();
        }
    }

    /** Declares {@code nodes[index]}; a second node with the same id is an error. */
    public void node(int index, long order, String id) {
        Integer first = nodes.putIfAbsent(id, index);
        if (first != null) {
            issues.add(order, Path.element("nodes", index).field("id"),
                    "duplicate node id '" + id + "'; nodes[" + first + "] already has it");
        }
    }

    /** @return the symbol of an id met before in this document, or null */
    public Symbol known(String id) {
        return symbols.get(id);
    }

    /** @return a new symbol for an id not met before, which follows the id rule */
    public Symbol add(String id) {
        Symbol symbol = new Symbol(id);
        symbols.put(id, symbol);
        return symbol;
    }

    private Symbol symbol(String id) {
        Symbol known = known(id);
        return known != null ? known : add(id);
    }

    /** Declares a sensor, neuron or actuator; ids are unique across all three. */
    public void element(ElementKind kind, int index, long order, Symbol symbol) {
        if (symbol.kind != null) {
            issues.add(order, Path.element(kind.array(), index).field("id"), "duplicate id '" + symbol.id + "'; "
                    + symbol.path() + " already has it (neurons, sensors and actuators share one namespace)");
        } else {
            symbol.kind = kind;
            symbol.index = index;
        }
    }

    /**
     * Claims a pin of a node for a GPIO sensor or an actuator.
     *
     * @param id the owner's id, or null when it was invalid
     */
    public void pin(ElementKind kind, int index, String id, long order, String node, int pin) {
        PinUser first = pins.putIfAbsent(new PinKey(node, pin), new PinUser(kind, index, id));
        if (first != null) {
            String owner = Path.element(first.kind().array(), first.index()) + (first.id() == null ? ""
                    : " (" + first.id() + ")");
            issues.add(order, Path.element(kind.array(), index).field("pin"),
                    "pin " + pin + " on node " + node + " is already used by " + owner);
        }
    }

    /**
     * Records {@code synapses[index]}; a second synapse between the same pair is an error.
     *
     * @param from the source id, or null when it was invalid (then only {@code to} is checked)
     * @param to   the target id, or null when it was invalid
     */
    public void synapse(int index, long fromOrder, Symbol from, long toOrder, Symbol to) {
        if (from != null) {
            refer(Role.SYNAPSE_FROM, index, fromOrder, from);
        }
        if (to != null) {
            refer(Role.SYNAPSE_TO, index, toOrder, to);
        }
        if (index >= synapseFroms.length) {
            int length = Math.max(index + 1, synapseFroms.length * 2);
            synapseFroms = Arrays.copyOf(synapseFroms, length);
            synapseTos = Arrays.copyOf(synapseTos, length);
        }
        synapseFroms[index] = from;
        synapseTos[index] = to;
        if (from != null && to != null) {
            int first = synapses.add(index, from.id, to.id);
            if (first >= 0) {
                issues.add(toOrder, Path.element("synapses", index), "duplicate synapse " + from.id + " -> " + to.id
                        + "; synapses[" + first + "] already connects them");
            }
        }
    }

    /** Records the neuron followed by {@code actuators[index]}. */
    public void actuatorNeuron(int index, long order, Symbol neuron) {
        refer(Role.ACTUATOR_NEURON, index, order, neuron);
    }

    /** Checks every reference to an element not declared when it was recorded against the declared elements. */
    public void finish() {
        for (Reference ref : references) {
            check(ref.role(), ref.index(), ref.order(), ref.symbol());
        }
        references.clear();
    }

    /**
     * Checks a reference to an element already declared at once (the first declaration of an id is the one that
     * counts, now or later), and keeps the others for {@link #finish()}: in the usual document every neuron comes
     * before the synapses, and no reference is kept (400,000 for 100,000 neurons, a young collection's worth).
     */
    private void refer(Role role, int index, long order, Symbol symbol) {
        if (symbol.kind == null) {
            references.add(new Reference(role, index, order, symbol));
        } else {
            check(role, index, order, symbol);
        }
    }

    private void check(Role role, int index, long order, Symbol symbol) {
        String problem = problem(role, symbol.id, symbol.kind);
        if (problem != null) {
            issues.add(order, Path.element(role.array, index).field(role.field), problem);
        }
    }

    /**
     * Null when the reference is fine (the usual case: nothing is built for it, 400,000 times for 100,000 neurons).
     *
     * @param target the kind of element that declared {@code id}, null when none did
     */
    private static String problem(Role role, String id, ElementKind target) {
        return switch (role) {
            case SYNAPSE_FROM -> target == null ? "unknown source " + quoted(id) + "; no sensor or neuron has that id"
                    : target == ElementKind.ACTUATOR
                    ? quoted(id) + " is an actuator; a synapse must start at a sensor or a neuron" : null;
            case SYNAPSE_TO -> target == null ? "unknown target " + quoted(id) + "; no neuron has that id"
                    : target != ElementKind.NEURON
                    ? quoted(id) + " is " + target.withArticle() + "; a synapse must end at a neuron" : null;
            case ACTUATOR_NEURON -> target == null ? "unknown neuron " + quoted(id) + "; no neuron has that id"
                    : target != ElementKind.NEURON
                    ? quoted(id) + " is " + target.withArticle() + "; an actuator must follow a neuron" : null;
        };
    }

    private static String quoted(String id) {
        return "'" + id + "'";
    }
}
