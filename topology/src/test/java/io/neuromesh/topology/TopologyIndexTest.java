package io.neuromesh.topology;

import static io.neuromesh.topology.Docs.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Lookups over one topology. */
@Timeout(10)
class TopologyIndexTest {

    private static final String DOCUMENT = """
            {'rev': 1, 'defaults': {'threshold': 1},
             'nodes': [{'id': 'n0', 'labels': ['gpio']}],
             'sensors': [{'id': 'v'}, {'id': 'b', 'node': 'n1', 'pin': 17}],
             'neurons': [{'id': 'x', 'node': 'n1'}, {'id': 'y', 'node': 'n2'}, {'id': 'z'}],
             'synapses': [{'from': 'v', 'to': 'x', 'weight': 1}, {'from': 'b', 'to': 'x', 'weight': 2},
                          {'from': 'x', 'to': 'y', 'weight': 3}, {'from': 'x', 'to': 'z', 'weight': 4},
                          {'from': 'z', 'to': 'z', 'weight': 5}],
             'actuators': [{'id': 'led', 'node': 'n3', 'pin': 22, 'neuron': 'z'},
                           {'id': 'led2', 'node': 'n3', 'pin': 23, 'neuron': 'z'}]}
            """;

    /** The index of a topology built in code or parsed, and the one parsed with its document. */
    static Stream<Arguments> indexes() {
        byte[] utf8 = DOCUMENT.replace('\'', '"').getBytes(StandardCharsets.UTF_8);
        return Stream.of(Arguments.of("Topology.index()", parse(DOCUMENT).index()),
                Arguments.of("TopologyIndex.parse(bytes)", TopologyIndex.parse(utf8)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("indexes")
    void findsElementsById(String how, TopologyIndex index) {
        assertEquals("n2", index.neuron("y").orElseThrow().node());
        assertEquals(17, index.sensor("b").orElseThrow().gpio().pin());
        assertEquals("z", index.actuator("led").orElseThrow().neuron());
        assertEquals(List.of("gpio"), index.node("n0").orElseThrow().labels());
        assertEquals(Optional.empty(), index.neuron("v"));
        assertEquals(Optional.empty(), index.node("n1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("indexes")
    void tellsSensorsFromNeurons(String how, TopologyIndex index) {
        assertTrue(index.isSensor("v"));
        assertTrue(index.isSensor("b"));
        assertFalse(index.isSensor("x"));
        assertFalse(index.isSensor("led"));
        assertFalse(index.isSensor("n0"));
        assertFalse(index.isSensor("nothing"));
        assertTrue(index.isNeuron("x"));
        assertFalse(index.isNeuron("led"));
        assertTrue(index.isSource("b"));
        assertFalse(index.isSource("led"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("indexes")
    void listsIncomingAndOutgoingSynapsesInDocumentOrder(String how, TopologyIndex index) {
        assertEquals(List.of(new SynapseSpec("v", "x", 1), new SynapseSpec("b", "x", 2)), index.incoming("x"));
        assertEquals(List.of(new SynapseSpec("x", "y", 3), new SynapseSpec("x", "z", 4)), index.outgoing("x"));
        assertEquals(List.of(new SynapseSpec("x", "z", 4), new SynapseSpec("z", "z", 5)), index.incoming("z"));
        assertEquals(List.of(), index.incoming("v"));
        assertEquals(List.of(), index.outgoing("nobody"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("indexes")
    void weighsANeuronsInputsBySourceInSynapseOrder(String how, TopologyIndex index) {
        assertEquals(List.of(Map.entry("v", 1.0), Map.entry("b", 2.0)), List.copyOf(index.weights("x").entrySet()));
        assertEquals(Map.of("x", 4.0, "z", 5.0), index.weights("z"));
        assertEquals(Map.of(), index.weights("v"));
        index.weights("x").put("v", 9.0);
        assertEquals(1.0, index.weights("x").get("v"), "each call makes a new map");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("indexes")
    void findsTheSynapseBetweenTwoElements(String how, TopologyIndex index) {
        assertEquals(Optional.of(new SynapseSpec("b", "x", 2)), index.synapse("b", "x"));
        assertEquals(Optional.empty(), index.synapse("x", "b"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("indexes")
    void groupsElementsByNode(String how, TopologyIndex index) {
        assertEquals(List.of("x"), index.neuronsPinnedTo("n1").stream().map(NeuronSpec::id).toList());
        assertEquals(List.of("b"), index.gpioSensorsOn("n1").stream().map(SensorSpec::id).toList());
        assertEquals(List.of("led", "led2"), index.actuatorsOn("n3").stream().map(ActuatorSpec::id).toList());
        assertEquals(List.of("led", "led2"), index.actuatorsFollowing("z").stream().map(ActuatorSpec::id).toList());
        assertEquals(List.of("z"), index.unpinnedNeurons().stream().map(NeuronSpec::id).toList());
        assertEquals(List.of(), index.neuronsPinnedTo("n3"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("indexes")
    void listsEveryNodeTheTopologyMentionsDeclaredOnesFirst(String how, TopologyIndex index) {
        assertEquals(List.of("n0", "n1", "n2", "n3"), List.copyOf(index.nodeIds()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("indexes")
    void handsOutImmutableLists(String how, TopologyIndex index) {
        assertThrows(UnsupportedOperationException.class, () -> index.incoming("x").clear());
        assertThrows(UnsupportedOperationException.class, () -> index.nodeIds().clear());
    }

    @Test
    void resolvesReferencesToElementsDeclaredAfterThem() {
        // Synapses and actuators first: the parser meets each id before the element that declares it.
        TopologyIndex late = TopologyIndex.parse("""
                {"synapses": [{"from": "s", "to": "b", "weight": 1}, {"from": "b", "to": "a", "weight": 2},
                              {"from": "s", "to": "a", "weight": 3}],
                 "actuators": [{"id": "led", "node": "n", "pin": 5, "neuron": "a"}],
                 "rev": 2, "neurons": [{"id": "a", "threshold": 1}, {"id": "b", "threshold": 1}],
                 "sensors": [{"id": "s"}]}
                """.getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(new SynapseSpec("b", "a", 2), new SynapseSpec("s", "a", 3)), late.incoming("a"));
        assertEquals(List.of(new SynapseSpec("s", "b", 1), new SynapseSpec("s", "a", 3)), late.outgoing("s"));
        assertEquals(List.of(new SynapseSpec("b", "a", 2)), late.outgoing("b"));
        assertEquals("a", late.actuator("led").orElseThrow().neuron());
        assertEquals(List.of(), late.outgoing("led"));
        assertEquals(List.of(), late.incoming("s"));
        assertEquals(Optional.empty(), late.neuron("n"), "a node is not an element");
        assertEquals(late.topology(), Topology.parse(late.topology().toJson()));
    }

    @Test
    void parsingRejectsWhatTopologyParseRejectsWithTheSameErrors() {
        byte[] dangling = """
                {"rev": 1, "neurons": [{"id": "a", "threshold": 1}],
                 "synapses": [{"from": "q", "to": "a", "weight": 1}]}
                """.getBytes(StandardCharsets.UTF_8);
        TopologyException expected = assertThrows(TopologyException.class, () -> Topology.parse(dangling));
        TopologyException thrown = assertThrows(TopologyException.class, () -> TopologyIndex.parse(dangling));
        assertEquals(expected.errors(), thrown.errors());
        byte[] tooLarge = new byte[Topology.DEFAULT_MAX_BYTES + 1];
        String limit = "$: topology is " + tooLarge.length + " bytes; the limit is " + Topology.DEFAULT_MAX_BYTES;
        assertEquals(List.of(limit),
                assertThrows(TopologyException.class, () -> TopologyIndex.parse(tooLarge)).errors());
    }
}
