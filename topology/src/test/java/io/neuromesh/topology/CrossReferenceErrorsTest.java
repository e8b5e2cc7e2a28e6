package io.neuromesh.topology;

import static io.neuromesh.topology.Docs.errorsOf;
import static io.neuromesh.topology.Docs.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Rules between elements: unique ids, references, one synapse per pair, one user per pin. */
@Timeout(10)
class CrossReferenceErrorsTest {

    @Test
    void rejectsANeuronWithTheIdOfASensorNamingBothPlaces() {
        assertEquals(List.of("neurons[1].id: duplicate id 'a'; sensors[0] already has it "
                        + "(neurons, sensors and actuators share one namespace)"),
                errorsOf("{'rev':1,'sensors':[{'id':'a'}],'neurons':[{'id':'b','threshold':1},{'id':'a','threshold':1}]}"));
    }

    @Test
    void rejectsTwoNeuronsWithOneId() {
        assertEquals(List.of("neurons[2].id: duplicate id 'x'; neurons[0] already has it "
                        + "(neurons, sensors and actuators share one namespace)"),
                errorsOf("{'rev':1,'defaults':{'threshold':1},'neurons':[{'id':'x'},{'id':'y'},{'id':'x'}]}"));
    }

    @Test
    void rejectsAnActuatorWithTheIdOfANeuron() {
        assertEquals(List.of("actuators[0].id: duplicate id 'z'; neurons[0] already has it "
                        + "(neurons, sensors and actuators share one namespace)"),
                errorsOf("{'rev':1,'neurons':[{'id':'z','threshold':1}],"
                        + "'actuators':[{'id':'z','node':'n','pin':1,'neuron':'z'}]}"));
    }

    @Test
    void namesTheFirstOccurrenceInDocumentOrderEvenWhenNeuronsComeFirst() {
        assertEquals(List.of("sensors[0].id: duplicate id 'a'; neurons[0] already has it "
                        + "(neurons, sensors and actuators share one namespace)"),
                errorsOf("{'rev':1,'neurons':[{'id':'a','threshold':1}],'sensors':[{'id':'a'}]}"));
    }

    @Test
    void checksReferencesBeforeAndAfterTheirTargetsAlikeInDocumentOrder() {
        assertEquals(List.of("synapses[0].to: 'a' is an actuator; a synapse must end at a neuron",
                        "synapses[1].from: unknown source 'q'; no sensor or neuron has that id",
                        "synapses[2].to: 's' is a sensor; a synapse must end at a neuron"),
                errorsOf("{'rev':1,'sensors':[{'id':'s'}],'synapses':[{'from':'s','to':'a','weight':1},"
                        + "{'from':'q','to':'x','weight':1},{'from':'x','to':'s','weight':1}],"
                        + "'neurons':[{'id':'x','threshold':1}],"
                        + "'actuators':[{'id':'a','node':'n','pin':1,'neuron':'x'}]}"));
    }

    @Test
    void rejectsTwoNodesWithOneId() {
        assertEquals(List.of("nodes[1].id: duplicate node id 'n1'; nodes[0] already has it"),
                errorsOf("{'rev':1,'nodes':[{'id':'n1'},{'id':'n1'}],'neurons':[]}"));
    }

    @Test
    void allowsANodeIdThatIsAlsoANeuronId() {
        assertEquals(1, parse("{'rev':1,'nodes':[{'id':'a'}],'neurons':[{'id':'a','node':'a','threshold':1}]}")
                .neurons().size());
    }

    @Test
    void rejectsASecondSynapseBetweenTheSamePairNamingTheFirst() {
        assertEquals(List.of("synapses[2]: duplicate synapse x -> y; synapses[0] already connects them"),
                errorsOf("{'rev':1,'defaults':{'threshold':1},'neurons':[{'id':'x'},{'id':'y'}],"
                        + "'synapses':[{'from':'x','to':'y','weight':1},{'from':'y','to':'x','weight':1},"
                        + "{'from':'x','to':'y','weight':2}]}"));
    }

    @Test
    void allowsANeuronToFeedItself() {
        Topology topology = parse("{'rev':1,'neurons':[{'id':'x','threshold':1}],"
                + "'synapses':[{'from':'x','to':'x','weight':0.5}]}");
        assertEquals(List.of(new SynapseSpec("x", "x", 0.5)), topology.synapses());
    }

    @Test
    void resolvesReferencesToElementsDeclaredLaterInTheDocument() {
        Topology topology = parse("{'actuators':[{'id':'led','node':'n','pin':2,'neuron':'z'}],"
                + "'synapses':[{'from':'s','to':'z','weight':1}],'neurons':[{'id':'z','threshold':1}],"
                + "'sensors':[{'id':'s'}],'rev':1}");
        assertEquals(1, topology.synapses().size());
    }

    @Test
    void rejectsAnActuatorOnAPinAGpioSensorUses() {
        assertEquals(List.of("actuators[0].pin: pin 22 on node n3 is already used by sensors[1] (button_y)"),
                errorsOf("{'rev':1,'sensors':[{'id':'sensor_x'},{'id':'button_y','node':'n3','pin':22}],"
                        + "'neurons':[{'id':'z','threshold':1}],"
                        + "'actuators':[{'id':'led_z','node':'n3','pin':22,'neuron':'z'}]}"));
    }

    @Test
    void rejectsTwoSensorsOnOnePin() {
        assertEquals(List.of("sensors[1].pin: pin 17 on node n1 is already used by sensors[0] (a)"),
                errorsOf("{'rev':1,'sensors':[{'id':'a','node':'n1','pin':17},{'id':'b','node':'n1','pin':17}],"
                        + "'neurons':[]}"));
    }

    @Test
    void rejectsTwoActuatorsOnOnePin() {
        assertEquals(List.of("actuators[1].pin: pin 5 on node n1 is already used by actuators[0] (a)"),
                errorsOf("{'rev':1,'neurons':[{'id':'z','threshold':1}],'actuators':["
                        + "{'id':'a','node':'n1','pin':5,'neuron':'z'},{'id':'b','node':'n1','pin':5,'neuron':'z'}]}"));
    }

    @Test
    void allowsOnePinNumberOnDifferentNodes() {
        Topology topology = parse("{'rev':1,'sensors':[{'id':'a','node':'n1','pin':17},{'id':'b','node':'n2','pin':17}],"
                + "'neurons':[{'id':'z','threshold':1}],'actuators':[{'id':'c','node':'n3','pin':17,'neuron':'z'}]}");
        assertEquals(2, topology.sensors().size());
    }

    @Test
    void allowsElementsOnNodesThatAreNotDeclared() {
        Topology topology = parse("{'rev':1,'nodes':[{'id':'n1'}],'neurons':[{'id':'z','node':'elsewhere','threshold':1}]}");
        assertEquals("elsewhere", topology.neurons().get(0).node());
    }

    @Test
    void doesNotCallAReferenceUnknownWhenItsTargetOnlyHasABadField() {
        assertEquals(List.of("neurons[0].mode: must be one of \"level\", \"spike\"; got string \"burst\""),
                errorsOf("{'rev':1,'neurons':[{'id':'x','threshold':1,'mode':'burst'}],"
                        + "'synapses':[{'from':'x','to':'x','weight':1}]}"));
    }

    @Test
    void collectsEveryErrorInDocumentOrder() {
        List<String> errors = errorsOf("""
                {'rev': 0,
                 'sensors': [{'id': 's', 'pull': 'up'}, {'id': 'b', 'node': 'n1', 'pin': 40}],
                 'neurons': [{'id': 'x', 'threshold': 'high'}, {'id': 'x/2'}, {'id': 'z', 'treshold': 1}],
                 'synapses': [{'from': 'q', 'to': 'x', 'weight': 1}, {'from': 's', 'to': 's', 'weight': 1}],
                 'actuators': [{'id': 'led', 'node': 'n1', 'pin': 22, 'neuron': 'nobody', 'dutyPercent': 50}]}
                """);
        assertEquals(List.of(
                "rev: must be an integer from 1 to 9007199254740991, got 0",
                "sensors[0].pull: only a GPIO sensor (with node and pin) has pull",
                "sensors[1].pin: 40 is outside the header's BCM range 0-27",
                "neurons[0].threshold: must be a number, got string \"high\"",
                "neurons[1].id: 'x/2' contains '/'; ids are 1-64 characters of A-Z a-z 0-9 _ -",
                "neurons[1].threshold: missing; set it on the neuron or in defaults.threshold",
                "neurons[2].treshold: unknown field; did you mean 'threshold'?",
                "neurons[2].threshold: missing; set it on the neuron or in defaults.threshold",
                "synapses[0].from: unknown source 'q'; no sensor or neuron has that id",
                "synapses[1].to: 's' is a sensor; a synapse must end at a neuron",
                "actuators[0].neuron: unknown neuron 'nobody'; no neuron has that id",
                "actuators[0].dutyPercent: only a pwm actuator (\"kind\": \"pwm\") has dutyPercent"), errors);
    }

    @Test
    void keepsTheFirstThousandErrorsAndCountsTheRest() {
        StringBuilder neurons = new StringBuilder();
        for (int i = 0; i < 1500; i++) {
            neurons.append(i == 0 ? "" : ",").append("{'id':'n").append(i).append("','threshold':'x'}");
        }
        List<String> errors = errorsOf("{'rev':1,'neurons':[" + neurons + "]}");
        assertEquals(1001, errors.size());
        assertEquals("neurons[0].threshold: must be a number, got string \"x\"", errors.get(0));
        assertEquals("neurons[999].threshold: must be a number, got string \"x\"", errors.get(999));
        assertEquals("$: 500 more errors not shown", errors.get(1000));
    }
}
