package io.neuromesh.topology;

import static io.neuromesh.topology.Docs.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Lookups over one topology. */
@Timeout(10)
class TopologyIndexTest {

    private final TopologyIndex index = parse("""
            {'rev': 1, 'defaults': {'threshold': 1},
             'nodes': [{'id': 'n0', 'labels': ['gpio']}],
             'sensors': [{'id': 'v'}, {'id': 'b', 'node': 'n1', 'pin': 17}],
             'neurons': [{'id': 'x', 'node': 'n1'}, {'id': 'y', 'node': 'n2'}, {'id': 'z'}],
             'synapses': [{'from': 'v', 'to': 'x', 'weight': 1}, {'from': 'b', 'to': 'x', 'weight': 2},
                          {'from': 'x', 'to': 'y', 'weight': 3}, {'from': 'x', 'to': 'z', 'weight': 4},
                          {'from': 'z', 'to': 'z', 'weight': 5}],
             'actuators': [{'id': 'led', 'node': 'n3', 'pin': 22, 'neuron': 'z'},
                           {'id': 'led2', 'node': 'n3', 'pin': 23, 'neuron': 'z'}]}
            """).index();

    @Test
    void findsElementsById() {
        assertEquals("n2", index.neuron("y").orElseThrow().node());
        assertEquals(17, index.sensor("b").orElseThrow().gpio().pin());
        assertEquals("z", index.actuator("led").orElseThrow().neuron());
        assertEquals(List.of("gpio"), index.node("n0").orElseThrow().labels());
        assertEquals(Optional.empty(), index.neuron("v"));
        assertEquals(Optional.empty(), index.node("n1"));
    }

    @Test
    void tellsSensorsFromNeurons() {
        assertTrue(index.isSensor("v"));
        assertFalse(index.isSensor("x"));
        assertTrue(index.isNeuron("x"));
        assertFalse(index.isNeuron("led"));
        assertTrue(index.isSource("b"));
        assertFalse(index.isSource("led"));
    }

    @Test
    void listsIncomingAndOutgoingSynapsesInDocumentOrder() {
        assertEquals(List.of(new SynapseSpec("v", "x", 1), new SynapseSpec("b", "x", 2)), index.incoming("x"));
        assertEquals(List.of(new SynapseSpec("x", "y", 3), new SynapseSpec("x", "z", 4)), index.outgoing("x"));
        assertEquals(List.of(new SynapseSpec("x", "z", 4), new SynapseSpec("z", "z", 5)), index.incoming("z"));
        assertEquals(List.of(), index.incoming("v"));
        assertEquals(List.of(), index.outgoing("nobody"));
    }

    @Test
    void weighsANeuronsInputsBySourceInSynapseOrder() {
        assertEquals(List.of(Map.entry("v", 1.0), Map.entry("b", 2.0)), List.copyOf(index.weights("x").entrySet()));
        assertEquals(Map.of("x", 4.0, "z", 5.0), index.weights("z"));
        assertEquals(Map.of(), index.weights("v"));
        index.weights("x").put("v", 9.0);
        assertEquals(1.0, index.weights("x").get("v"), "each call makes a new map");
    }

    @Test
    void findsTheSynapseBetweenTwoElements() {
        assertEquals(Optional.of(new SynapseSpec("b", "x", 2)), index.synapse("b", "x"));
        assertEquals(Optional.empty(), index.synapse("x", "b"));
    }

    @Test
    void groupsElementsByNode() {
        assertEquals(List.of("x"), index.neuronsPinnedTo("n1").stream().map(NeuronSpec::id).toList());
        assertEquals(List.of("b"), index.gpioSensorsOn("n1").stream().map(SensorSpec::id).toList());
        assertEquals(List.of("led", "led2"), index.actuatorsOn("n3").stream().map(ActuatorSpec::id).toList());
        assertEquals(List.of("led", "led2"), index.actuatorsFollowing("z").stream().map(ActuatorSpec::id).toList());
        assertEquals(List.of("z"), index.unpinnedNeurons().stream().map(NeuronSpec::id).toList());
        assertEquals(List.of(), index.neuronsPinnedTo("n3"));
    }

    @Test
    void listsEveryNodeTheTopologyMentionsDeclaredOnesFirst() {
        assertEquals(List.of("n0", "n1", "n2", "n3"), List.copyOf(index.nodeIds()));
    }

    @Test
    void handsOutImmutableLists() {
        assertThrows(UnsupportedOperationException.class, () -> index.incoming("x").clear());
        assertThrows(UnsupportedOperationException.class, () -> index.nodeIds().clear());
    }
}
