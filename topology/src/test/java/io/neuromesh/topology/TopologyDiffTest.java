package io.neuromesh.topology;

import static io.neuromesh.topology.Docs.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What changed between two topologies, and how it reads. */
@Timeout(10)
class TopologyDiffTest {

    private static Topology xor() throws IOException {
        return Topology.parse(Files.readAllBytes(Path.of("..", "examples", "xor.json")));
    }

    /** The XOR example with textual replacements applied. */
    private static Topology xorWith(String... replacements) throws IOException {
        String text = Files.readString(Path.of("..", "examples", "xor.json"));
        for (int i = 0; i < replacements.length; i += 2) {
            String changed = text.replace(replacements[i], replacements[i + 1]);
            assertFalse(changed.equals(text), "test setup: no '" + replacements[i] + "' in xor.json");
            text = changed;
        }
        return Topology.parse(text);
    }

    @Test
    void findsNothingBetweenATopologyAndItself() throws IOException {
        TopologyDiff diff = TopologyDiff.between(xor(), xor());
        assertTrue(diff.isEmpty());
        assertEquals(List.of(), diff.describe());
    }

    @Test
    void ignoresTheRevisionAndTheName() throws IOException {
        assertTrue(TopologyDiff.between(xor(), xorWith("\"rev\": 1", "\"rev\": 2", "\"xor\"", "\"xor2\"")).isEmpty());
    }

    @Test
    void comparesEffectiveSettingsSoAThresholdMovedOutOfDefaultsIsUnchanged() {
        Topology before = parse("{'rev':1,'defaults':{'threshold':0.9},'neurons':[{'id':'a'}]}");
        Topology after = parse("{'rev':2,'neurons':[{'id':'a','threshold':0.9}]}");
        assertTrue(TopologyDiff.between(before, after).isEmpty());
    }

    @Test
    void treatsAMissingBeforeAsAnEmptyTopology() throws IOException {
        TopologyDiff diff = TopologyDiff.between(null, xor());
        assertEquals(6, diff.neurons().added().size());
        assertEquals(List.of("+ sensor sensor_x (virtual)", "+ sensor sensor_y (virtual)",
                "+ neuron x (node n1, level, threshold 0.9)", "+ neuron y (node n1, level, threshold 0.9)",
                "+ neuron h1 (node n2, level, threshold 0.9)", "+ neuron h2 (node n2, level, threshold 1.9)",
                "+ neuron h3 (node n3, level, threshold 0.9)", "+ neuron z (node n3, level, threshold 0.9)",
                "+ synapse sensor_x -> x (weight 1.0)", "+ synapse sensor_y -> y (weight 1.0)",
                "+ synapse x -> h1 (weight 1.0)", "+ synapse x -> h2 (weight 1.0)", "+ synapse y -> h2 (weight 1.0)",
                "+ synapse y -> h3 (weight 1.0)", "+ synapse h1 -> z (weight 1.0)", "+ synapse h2 -> z (weight -2.0)",
                "+ synapse h3 -> z (weight 1.0)"), diff.describe());
    }

    @Test
    void reportsAChangedThresholdAndAChangedWeight() throws IOException {
        TopologyDiff diff = TopologyDiff.between(xor(), xorWith("\"threshold\": 1.9", "\"threshold\": 1.5",
                "\"weight\": -2", "\"weight\": 2"));
        assertEquals(List.of("~ neuron h2: threshold 1.9 -> 1.5", "~ synapse h2 -> z: weight -2.0 -> 2.0"),
                diff.describe());
        Change<SynapseSpec> weight = diff.synapses().changed().get(0);
        assertEquals(-2.0, weight.before().weight());
        assertEquals(2.0, weight.after().weight());
    }

    @Test
    void reportsAddedAndRemovedElements() throws IOException {
        Topology after = xorWith("{ \"id\": \"sensor_y\" }", "{ \"id\": \"sensor_y2\" }",
                "\"sensor_y\", \"to\"", "\"sensor_y2\", \"to\"",
                "{ \"id\": \"z\",  \"node\": \"n3\" }", "{ \"id\": \"z\",  \"node\": \"n3\" }, { \"id\": \"h4\", \"node\": \"n2\" }");
        TopologyDiff diff = TopologyDiff.between(xor(), after);
        assertEquals(List.of("- sensor sensor_y", "+ sensor sensor_y2 (virtual)",
                "+ neuron h4 (node n2, level, threshold 0.9)",
                "- synapse sensor_y -> y", "+ synapse sensor_y2 -> y (weight 1.0)"), diff.describe());
        assertEquals(List.of("sensor_y"), diff.sensors().removed().stream().map(SensorSpec::id).toList());
    }

    @Test
    void elementsInAnotherOrderAreTheSameElements() {
        Topology before = parse("{'rev':1,'defaults':{'threshold':1},'sensors':[{'id':'s'}],"
                + "'neurons':[{'id':'a'},{'id':'b'},{'id':'c'}],"
                + "'synapses':[{'from':'s','to':'a','weight':1},{'from':'a','to':'b','weight':1},"
                + "{'from':'b','to':'c','weight':1}]}");
        Topology reordered = parse("{'rev':2,'defaults':{'threshold':1},'sensors':[{'id':'s'}],"
                + "'neurons':[{'id':'c'},{'id':'a'},{'id':'b','threshold':2}],"
                + "'synapses':[{'from':'b','to':'c','weight':1},{'from':'s','to':'a','weight':1},"
                + "{'from':'a','to':'b','weight':3}]}");
        Topology inPlace = parse("{'rev':2,'defaults':{'threshold':1},'sensors':[{'id':'s'}],"
                + "'neurons':[{'id':'a'},{'id':'b','threshold':2},{'id':'c'}],"
                + "'synapses':[{'from':'s','to':'a','weight':1},{'from':'a','to':'b','weight':3},"
                + "{'from':'b','to':'c','weight':1}]}");
        List<String> expected = List.of("~ neuron b: threshold 1.0 -> 2.0", "~ synapse a -> b: weight 1.0 -> 3.0");
        assertEquals(expected, TopologyDiff.between(before, reordered).describe());
        assertEquals(expected, TopologyDiff.between(before, inPlace).describe());
        assertTrue(TopologyDiff.between(inPlace, reordered).isEmpty());
    }

    @Test
    void describesEveryKindOfElement() {
        Topology before = parse("""
                {'rev': 1, 'nodes': [{'id': 'n1', 'capacity': 4}, {'id': 'old'}],
                 'sensors': [{'id': 'b', 'node': 'n1', 'pin': 17}, {'id': 'v'}],
                 'neurons': [{'id': 'z', 'threshold': 1}],
                 'actuators': [{'id': 'led', 'node': 'n3', 'pin': 22, 'neuron': 'z'},
                               {'id': 'relay', 'node': 'n3', 'pin': 25, 'neuron': 'z'}]}
                """);
        Topology after = parse("""
                {'rev': 2, 'nodes': [{'id': 'n1', 'labels': ['gpio']}, {'id': 'n9', 'labels': ['cam'], 'capacity': 2}],
                 'sensors': [{'id': 'b', 'node': 'n1', 'pin': 18, 'pull': 'down', 'debounceMs': 20},
                             {'id': 'v', 'node': 'n2', 'pin': 5, 'activeLow': true, 'value': {'high': 5}}],
                 'neurons': [{'id': 'z', 'threshold': 1, 'mode': 'spike', 'node': 'n3', 'requires': ['gpio']},
                             {'id': 'w', 'threshold': 2, 'mode': 'spike', 'refractoryMs': 50, 'requires': ['gpio']}],
                 'actuators': [{'id': 'led', 'node': 'n3', 'pin': 22, 'neuron': 'z', 'kind': 'pwm', 'dutyPercent': 40},
                               {'id': 'buzz', 'node': 'n3', 'pin': 23, 'neuron': 'w', 'activeLow': true},
                               {'id': 'fan', 'node': 'n3', 'pin': 24, 'neuron': 'w', 'kind': 'pwm',
                                'frequencyHz': 25000, 'failSafe': 'high', 'failSafeAfterMs': 1000},
                               {'id': 'relay', 'node': 'n3', 'pin': 25, 'neuron': 'z', 'failSafe': 'hold'},
                               {'id': 'pump', 'node': 'n3', 'pin': 26, 'neuron': 'z', 'failSafe': 'hold'}]}
                """);
        assertEquals(List.of(
                "- node old",
                "+ node n9 (labels [cam], capacity 2)",
                "~ node n1: labels [] -> [gpio], capacity 4 -> unlimited",
                "~ sensor b: pin 17 -> 18, pull off -> down, debounceMs 0 -> 20",
                "~ sensor v: node none -> n2, pin none -> 5, pull none -> off, debounceMs none -> 0, "
                        + "activeLow none -> true, value.high 1.0 -> 5.0",
                "+ neuron w (auto-placed, spike, threshold 2.0, window 500 ms, refractory 50 ms, requires [gpio])",
                "~ neuron z: node auto-placed -> n3, mode level -> spike, requires [] -> [gpio]",
                "+ actuator buzz (node n3 pin 23, follows w, digital, active low)",
                "+ actuator fan (node n3 pin 24, follows w, pwm 25000 Hz 100.0%, fail-safe high after 1000 ms)",
                "+ actuator pump (node n3 pin 26, follows z, digital, fail-safe hold)",
                "~ actuator led: kind digital -> pwm, frequencyHz none -> 1000, dutyPercent none -> 40.0",
                "~ actuator relay: failSafe low -> hold, failSafeAfterMs 5000 -> none"),
                TopologyDiff.between(before, after).describe());
    }

    @Test
    void describesAChangedFailSafeTimeout() {
        Topology before = parse("{'rev':1,'neurons':[{'id':'z','threshold':1}],"
                + "'actuators':[{'id':'led','node':'n3','pin':22,'neuron':'z'}]}");
        Topology after = parse("{'rev':2,'neurons':[{'id':'z','threshold':1}],"
                + "'actuators':[{'id':'led','node':'n3','pin':22,'neuron':'z','failSafeAfterMs':1000}]}");
        assertEquals(List.of("~ actuator led: failSafeAfterMs 5000 -> 1000"),
                TopologyDiff.between(before, after).describe());
    }

    @Test
    void summarizesAnAddedGpioSensorWithItsSettings() {
        Topology after = parse("{'rev':1,'sensors':[{'id':'b','node':'n1','pin':17,'pull':'up','debounceMs':5,"
                + "'activeLow':true,'value':{'high':2,'low':-2}}],'neurons':[]}");
        assertEquals(List.of("+ sensor b (node n1 pin 17, pull up, debounce 5 ms, active low, value high 2.0 low -2.0)"),
                TopologyDiff.between(null, after).describe());
    }

    @Test
    void requiresTheNewerTopology() {
        assertEquals("after: must not be null",
                assertThrows(IllegalArgumentException.class, () -> TopologyDiff.between(null, null)).getMessage());
    }
}
