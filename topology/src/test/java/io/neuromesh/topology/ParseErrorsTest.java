package io.neuromesh.topology;

import static io.neuromesh.topology.Docs.errorsOf;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every field-level error the parser reports, with the exact message a user sees. */
@Timeout(10)
class ParseErrorsTest {

    private static final String LONG_ID = "a".repeat(65);

    static Stream<Arguments> topLevelErrors() {
        return Stream.of(
                Arguments.of("{'neurons':[]}",
                        "rev: missing; a topology needs \"rev\", a positive integer revision"),
                Arguments.of("{'rev':0,'neurons':[]}", "rev: must be an integer from 1 to 9007199254740991, got 0"),
                Arguments.of("{'rev':-3,'neurons':[]}", "rev: must be an integer from 1 to 9007199254740991, got -3"),
                Arguments.of("{'rev':9007199254740992,'neurons':[]}",
                        "rev: must be an integer from 1 to 9007199254740991, got 9007199254740992"),
                Arguments.of("{'rev':123456789012345678901234567890,'neurons':[]}",
                        "rev: must be an integer from 1 to 9007199254740991, got 123456789012345678901234567890"),
                Arguments.of("{'rev':1.5,'neurons':[]}", "rev: must be an integer, got number 1.5"),
                Arguments.of("{'rev':'1','neurons':[]}", "rev: must be an integer, got string \"1\""),
                Arguments.of("{'rev':null,'neurons':[]}", "rev: must be an integer, got null"),
                Arguments.of("{'rev':1}", "neurons: missing; use \"neurons\": [] for an empty network"),
                Arguments.of("{'rev':1,'neurons':{}}", "neurons: must be an array, got an object"),
                Arguments.of("{'rev':1,'neurons':['x']}", "neurons[0]: must be an object, got string \"x\""),
                Arguments.of("{'rev':1,'name':'','neurons':[]}", "name: must be 1-128 characters, got 0"),
                Arguments.of("{'rev':1,'name':'" + "n".repeat(129) + "','neurons':[]}",
                        "name: must be 1-128 characters, got 129"),
                Arguments.of("{'rev':1,'name':5,'neurons':[]}", "name: must be a string, got number 5"),
                Arguments.of("{'rev':1,'defaults':[],'neurons':[]}", "defaults: must be an object, got an array"),
                Arguments.of("{'rev':1,'defaults':{'threshold':'high'},'neurons':[]}",
                        "defaults.threshold: must be a number, got string \"high\""),
                Arguments.of("{'rev':1,'defaults':{'mode':'burst'},'neurons':[]}",
                        "defaults.mode: must be one of \"level\", \"spike\"; got string \"burst\""),
                Arguments.of("{'rev':1,'defaults':{'mode':1},'neurons':[]}",
                        "defaults.mode: must be one of \"level\", \"spike\"; got number 1"),
                Arguments.of("{'rev':1,'defaults':{'inputWindowMs':-1},'neurons':[]}",
                        "defaults.inputWindowMs: must be an integer from 0 to 86400000, got -1"),
                Arguments.of("{'rev':1,'defaults':{'refractoryMs':86400001},'neurons':[]}",
                        "defaults.refractoryMs: must be an integer from 0 to 86400000, got 86400001"),
                Arguments.of("{'rev':1,'neurons':[],'synapse':[]}",
                        "synapse: unknown field; did you mean 'synapses'?"),
                Arguments.of("{'rev':1,'neurons':[],'colour':'red'}", "colour: unknown field; known fields are rev, "
                        + "name, tickMs, defaults, nodes, sensors, neurons, synapses, actuators"),
                Arguments.of("{'rev':1,'tickMs':-1,'neurons':[]}", "tickMs: must be an integer from 0 to 60000 "
                        + "(milliseconds per tick; 0 or absent: no ticks), got -1"),
                Arguments.of("{'rev':1,'tickMs':60001,'neurons':[]}", "tickMs: must be an integer from 0 to 60000 "
                        + "(milliseconds per tick; 0 or absent: no ticks), got 60001"),
                Arguments.of("{'rev':1,'tickMs':1e30,'neurons':[]}", "tickMs: must be an integer from 0 to 60000 "
                        + "(milliseconds per tick; 0 or absent: no ticks), got 1e30"),
                Arguments.of("{'rev':1,'tickMs':2.5,'neurons':[]}", "tickMs: must be an integer, got number 2.5"),
                Arguments.of("{'rev':1,'tickMs':'NaN','neurons':[]}",
                        "tickMs: must be an integer, got string \"NaN\""),
                Arguments.of("{'rev':1,'tickMs':'50','neurons':[]}", "tickMs: must be an integer, got string \"50\""),
                Arguments.of("{'rev':1,'tickMs':null,'neurons':[]}", "tickMs: must be an integer, got null"),
                Arguments.of("{'rev':1,'tikMs':50,'neurons':[]}", "tikMs: unknown field; did you mean 'tickMs'?"),
                Arguments.of("{'rev':1,'rev':2,'neurons':[]}", "rev: duplicate field; each field may appear only once"),
                Arguments.of("{'rev':1,'defaults':{'treshold':1},'neurons':[]}",
                        "defaults.treshold: unknown field; did you mean 'threshold'?"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("topLevelErrors")
    void reportsTopLevelErrors(String document, String error) {
        assertEquals(List.of(error), errorsOf(document));
    }

    static Stream<Arguments> badIds() {
        String rule = "; ids are 1-64 characters of A-Z a-z 0-9 _ -";
        return Stream.of(
                Arguments.of("a/b", "'a/b' contains '/'" + rule),
                Arguments.of("a+", "'a+' contains '+'" + rule),
                Arguments.of("#", "'#' contains '#'" + rule),
                Arguments.of("a b", "'a b' contains a space" + rule),
                Arguments.of("a\\tb", "contains U+0009" + rule),
                Arguments.of("", "must not be empty" + rule),
                Arguments.of(LONG_ID, "is 65 characters long" + rule),
                Arguments.of("h\u00e9", "'h\u00e9' contains '\u00e9'" + rule));
    }

    @ParameterizedTest(name = "neuron id \"{0}\"")
    @MethodSource("badIds")
    void rejectsNeuronIdsOutsideTheAllowedCharacters(String id, String problem) {
        assertEquals(List.of("neurons[0].id: " + problem), errorsOf("{'rev':1,'neurons':[{'id':'" + id
                + "','threshold':1}]}"));
    }

    @ParameterizedTest(name = "reference \"{0}\"")
    @MethodSource("badIds")
    void rejectsBadIdsInEveryPlaceThatHoldsOne(String id, String problem) {
        String document = "{'rev':1,'nodes':[{'id':'%1$s','labels':['%1$s']}],"
                + "'sensors':[{'id':'%1$s','node':'%1$s','pin':1}],"
                + "'neurons':[{'id':'n','node':'%1$s','threshold':1,'requires':['%1$s']}],"
                + "'synapses':[{'from':'%1$s','to':'%1$s','weight':1}],"
                + "'actuators':[{'id':'%1$s','node':'%1$s','pin':2,'neuron':'%1$s'}]}";
        List<String> paths = List.of("nodes[0].id", "nodes[0].labels[0]", "sensors[0].id", "sensors[0].node",
                "neurons[0].node", "neurons[0].requires[0]", "synapses[0].from", "synapses[0].to", "actuators[0].id",
                "actuators[0].node", "actuators[0].neuron");
        assertEquals(paths.stream().map(path -> path + ": " + problem).toList(),
                errorsOf(String.format(document, id)));
    }

    static Stream<Arguments> neuronErrors() {
        return Stream.of(
                Arguments.of("{'threshold':1}", "neurons[0].id: missing"),
                Arguments.of("{'id':7,'threshold':1}", "neurons[0].id: must be a string, got number 7"),
                Arguments.of("{'id':'a'}", "neurons[0].threshold: missing; set it on the neuron or in defaults.threshold"),
                Arguments.of("{'id':'a','threshold':'high'}", "neurons[0].threshold: must be a number, got string \"high\""),
                Arguments.of("{'id':'a','threshold':1e400}", "neurons[0].threshold: must be a finite number, got 1e400"),
                Arguments.of("{'id':'a','threshold':-1e400}", "neurons[0].threshold: must be a finite number, got -1e400"),
                Arguments.of("{'id':'a','threshold':'NaN'}", "neurons[0].threshold: must be a number, got string \"NaN\""),
                Arguments.of("{'id':'a','threshold':true}", "neurons[0].threshold: must be a number, got boolean true"),
                Arguments.of("{'id':'a','threshold':[1]}", "neurons[0].threshold: must be a number, got an array"),
                Arguments.of("{'id':'a','threshold':1,'mode':'LEVEL'}",
                        "neurons[0].mode: must be one of \"level\", \"spike\"; got string \"LEVEL\""),
                Arguments.of("{'id':'a','threshold':1,'inputWindowMs':1.5}",
                        "neurons[0].inputWindowMs: must be an integer, got number 1.5"),
                Arguments.of("{'id':'a','threshold':1,'inputWindowMs':'500'}",
                        "neurons[0].inputWindowMs: must be an integer, got string \"500\""),
                Arguments.of("{'id':'a','threshold':1,'refractoryMs':-1}",
                        "neurons[0].refractoryMs: must be an integer from 0 to 86400000, got -1"),
                Arguments.of("{'id':'a','threshold':1,'refractoryMs':1e400}",
                        "neurons[0].refractoryMs: must be an integer from 0 to 86400000, got 1e400"),
                Arguments.of("{'id':'a','threshold':1,'requires':'gpio'}",
                        "neurons[0].requires: must be an array of labels, got string \"gpio\""),
                Arguments.of("{'id':'a','threshold':1,'requires':[1]}",
                        "neurons[0].requires[0]: must be a string, got number 1"),
                Arguments.of("{'id':'a','threshold':1,'requires':['gpio','gpio']}",
                        "neurons[0].requires[1]: duplicate label 'gpio'"),
                Arguments.of("{'id':'a','threshold':1,'weight':1}",
                        "neurons[0].weight: unknown field; known fields are id, node, threshold, mode, inputWindowMs, "
                                + "refractoryMs, requires, prefers"),
                Arguments.of("{'id':'a','threshold':1,'threshold':2}",
                        "neurons[0].threshold: duplicate field; each field may appear only once"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("neuronErrors")
    void reportsNeuronErrors(String neuron, String error) {
        assertEquals(List.of(error), errorsOf("{'rev':1,'neurons':[" + neuron + "]}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("neuronErrors")
    void reportsNeuronErrorsAtTheNeuronsIndex(String neuron, String error) {
        String shifted = error.replace("neurons[0]", "neurons[2]");
        assertEquals(List.of(shifted), errorsOf("{'rev':1,'neurons':[{'id':'p','threshold':1},"
                + "{'id':'q','threshold':1}," + neuron + "]}"));
    }

    @Test
    void suggestsTheFieldAMisspeltNameWasMeantToBe() {
        assertEquals(List.of("neurons[1].treshold: unknown field; did you mean 'threshold'?"),
                errorsOf("{'rev':1,'defaults':{'threshold':1},'neurons':[{'id':'a'},{'id':'b','treshold':1.9}]}"));
    }

    static Stream<Arguments> sensorErrors() {
        String gpioNeedsBoth = "missing; a GPIO sensor needs both node and pin (a sensor with neither is virtual)";
        return Stream.of(
                Arguments.of("{'node':'n1','pin':1}", "sensors[0].id: missing"),
                Arguments.of("{'id':'s','node':'n1','pin':40}",
                        "sensors[0].pin: 40 is outside the header's BCM range 0-27"),
                Arguments.of("{'id':'s','node':'n1','pin':-1}",
                        "sensors[0].pin: -1 is outside the header's BCM range 0-27"),
                Arguments.of("{'id':'s','node':'n1','pin':4.5}", "sensors[0].pin: must be an integer, got number 4.5"),
                Arguments.of("{'id':'s','pin':17}", "sensors[0].node: " + gpioNeedsBoth),
                Arguments.of("{'id':'s','node':'n1'}", "sensors[0].pin: " + gpioNeedsBoth),
                Arguments.of("{'id':'s','pull':'down'}",
                        "sensors[0].pull: only a GPIO sensor (with node and pin) has pull"),
                Arguments.of("{'id':'s','debounceMs':20}",
                        "sensors[0].debounceMs: only a GPIO sensor (with node and pin) has debounceMs"),
                Arguments.of("{'id':'s','activeLow':true}",
                        "sensors[0].activeLow: only a GPIO sensor (with node and pin) has activeLow"),
                Arguments.of("{'id':'s','node':'n1','pin':1,'pull':'sideways'}",
                        "sensors[0].pull: must be one of \"up\", \"down\", \"off\"; got string \"sideways\""),
                Arguments.of("{'id':'s','node':'n1','pin':1,'debounceMs':-5}",
                        "sensors[0].debounceMs: must be an integer from 0 to 86400000, got -5"),
                Arguments.of("{'id':'s','node':'n1','pin':1,'activeLow':'true'}",
                        "sensors[0].activeLow: must be a boolean, got string \"true\""),
                Arguments.of("{'id':'s','value':1}", "sensors[0].value: must be an object, got number 1"),
                Arguments.of("{'id':'s','value':{'high':'x'}}",
                        "sensors[0].value.high: must be a number, got string \"x\""),
                Arguments.of("{'id':'s','value':{'low':1e999}}",
                        "sensors[0].value.low: must be a finite number, got 1e999"),
                Arguments.of("{'id':'s','value':{'hi':1}}", "sensors[0].value.hi: unknown field; did you mean 'high'?"),
                Arguments.of("{'id':'s','pinn':3}", "sensors[0].pinn: unknown field; did you mean 'pin'?"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sensorErrors")
    void reportsSensorErrors(String sensor, String error) {
        assertEquals(List.of(error), errorsOf("{'rev':1,'sensors':[" + sensor + "],'neurons':[]}"));
    }

    static Stream<Arguments> actuatorErrors() {
        return Stream.of(
                Arguments.of("{'node':'n3','pin':22,'neuron':'z'}", "actuators[0].id: missing"),
                Arguments.of("{'id':'a','pin':22,'neuron':'z'}", "actuators[0].node: missing"),
                Arguments.of("{'id':'a','node':'n3','neuron':'z'}", "actuators[0].pin: missing"),
                Arguments.of("{'id':'a','node':'n3','pin':22}", "actuators[0].neuron: missing"),
                Arguments.of("{'id':'a','node':'n3','pin':28,'neuron':'z'}",
                        "actuators[0].pin: 28 is outside the header's BCM range 0-27"),
                Arguments.of("{'id':'a','node':'n3','pin':22,'neuron':'z','kind':'analog'}",
                        "actuators[0].kind: must be one of \"digital\", \"pwm\"; got string \"analog\""),
                Arguments.of("{'id':'a','node':'n3','pin':22,'neuron':'z','activeLow':0}",
                        "actuators[0].activeLow: must be a boolean, got number 0"),
                Arguments.of("{'id':'a','node':'n3','pin':22,'neuron':'z','frequencyHz':1000}",
                        "actuators[0].frequencyHz: only a pwm actuator (\"kind\": \"pwm\") has frequencyHz"),
                Arguments.of("{'id':'a','node':'n3','pin':22,'neuron':'z','kind':'digital','dutyPercent':50}",
                        "actuators[0].dutyPercent: only a pwm actuator (\"kind\": \"pwm\") has dutyPercent"),
                Arguments.of("{'id':'a','node':'n3','pin':22,'neuron':'z','kind':'pwm','frequencyHz':0}",
                        "actuators[0].frequencyHz: must be an integer from 1 to 100000, got 0"),
                Arguments.of("{'id':'a','node':'n3','pin':22,'neuron':'z','kind':'pwm','frequencyHz':100001}",
                        "actuators[0].frequencyHz: must be an integer from 1 to 100000, got 100001"),
                Arguments.of("{'id':'a','node':'n3','pin':22,'neuron':'z','kind':'pwm','dutyPercent':150}",
                        "actuators[0].dutyPercent: must be a number from 0 to 100, got 150"),
                Arguments.of("{'id':'a','node':'n3','pin':22,'neuron':'z','kind':'pwm','dutyPercent':-0.5}",
                        "actuators[0].dutyPercent: must be a number from 0 to 100, got -0.5"),
                Arguments.of("{'id':'a','node':'n3','pin':22,'neuron':'z','failSafe':'off'}",
                        "actuators[0].failSafe: must be one of \"low\", \"high\", \"hold\"; got string \"off\""),
                Arguments.of("{'id':'a','node':'n3','pin':22,'neuron':'z','failSafe':0}",
                        "actuators[0].failSafe: must be one of \"low\", \"high\", \"hold\"; got number 0"),
                Arguments.of("{'id':'a','node':'n3','pin':22,'neuron':'z','failSafeAfterMs':-1}",
                        "actuators[0].failSafeAfterMs: must be an integer from 0 to 86400000, got -1"),
                Arguments.of("{'id':'a','node':'n3','pin':22,'neuron':'z','failSafeAfterMs':86400001}",
                        "actuators[0].failSafeAfterMs: must be an integer from 0 to 86400000, got 86400001"),
                Arguments.of("{'id':'a','node':'n3','pin':22,'neuron':'z','failSafeAfterMs':1.5}",
                        "actuators[0].failSafeAfterMs: must be an integer, got number 1.5"),
                Arguments.of("{'id':'a','node':'n3','pin':22,'neuron':'z','failSafeAfterMs':'5s'}",
                        "actuators[0].failSafeAfterMs: must be an integer, got string \"5s\""),
                Arguments.of("{'id':'a','node':'n3','pin':22,'neuron':'z','failSafe':'hold','failSafeAfterMs':1000}",
                        "actuators[0].failSafeAfterMs: only an actuator with \"failSafe\": \"low\" or \"high\" has "
                                + "failSafeAfterMs; \"hold\" never changes the output"),
                Arguments.of("{'id':'a','node':'n3','pin':22,'neuron':'z','failsafe':'high'}",
                        "actuators[0].failsafe: unknown field; did you mean 'failSafe'?"),
                Arguments.of("{'id':'a','node':'n3','pin':22,'neuron':'q'}",
                        "actuators[0].neuron: unknown neuron 'q'; no neuron has that id"),
                Arguments.of("{'id':'a','node':'n3','pin':22,'neuron':'s'}",
                        "actuators[0].neuron: 's' is a sensor; an actuator must follow a neuron"),
                Arguments.of("{'id':'a','node':'n3','pin':22,'neuron':'a'}",
                        "actuators[0].neuron: 'a' is an actuator; an actuator must follow a neuron"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("actuatorErrors")
    void reportsActuatorErrors(String actuator, String error) {
        assertEquals(List.of(error), errorsOf("{'rev':1,'sensors':[{'id':'s'}],'neurons':[{'id':'z','threshold':1}],"
                + "'actuators':[" + actuator + "]}"));
    }

    static Stream<Arguments> nodeErrors() {
        return Stream.of(
                Arguments.of("{'labels':['gpio']}", "nodes[0].id: missing"),
                Arguments.of("{'id':'n1','capacity':0}", "nodes[0].capacity: must be an integer from 1 to 2147483647, got 0"),
                Arguments.of("{'id':'n1','capacity':2.5}", "nodes[0].capacity: must be an integer, got number 2.5"),
                Arguments.of("{'id':'n1','labels':'gpio'}", "nodes[0].labels: must be an array of labels, got string \"gpio\""),
                Arguments.of("{'id':'n1','labels':['gpio','cam','gpio']}", "nodes[0].labels[2]: duplicate label 'gpio'"),
                Arguments.of("{'id':'n1','label':['gpio']}", "nodes[0].label: unknown field; did you mean 'labels'?"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nodeErrors")
    void reportsNodeErrors(String node, String error) {
        assertEquals(List.of(error), errorsOf("{'rev':1,'nodes':[" + node + "],'neurons':[]}"));
    }

    static Stream<Arguments> synapseErrors() {
        return Stream.of(
                Arguments.of("{'to':'x','weight':1}", "synapses[0].from: missing"),
                Arguments.of("{'from':'s','weight':1}", "synapses[0].to: missing"),
                Arguments.of("{'from':'s','to':'x'}", "synapses[0].weight: missing"),
                Arguments.of("{'from':'s','to':'x','weight':'1'}", "synapses[0].weight: must be a number, got string \"1\""),
                Arguments.of("{'from':'s','to':'x','weight':1e400}", "synapses[0].weight: must be a finite number, got 1e400"),
                Arguments.of("{'from':'q','to':'x','weight':1}",
                        "synapses[0].from: unknown source 'q'; no sensor or neuron has that id"),
                Arguments.of("{'from':'led','to':'x','weight':1}",
                        "synapses[0].from: 'led' is an actuator; a synapse must start at a sensor or a neuron"),
                Arguments.of("{'from':'x','to':'q','weight':1}",
                        "synapses[0].to: unknown target 'q'; no neuron has that id"),
                Arguments.of("{'from':'x','to':'s','weight':1}",
                        "synapses[0].to: 's' is a sensor; a synapse must end at a neuron"),
                Arguments.of("{'from':'x','to':'led','weight':1}",
                        "synapses[0].to: 'led' is an actuator; a synapse must end at a neuron"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("synapseErrors")
    void reportsSynapseErrors(String synapse, String error) {
        assertEquals(List.of(error), errorsOf("{'rev':1,'sensors':[{'id':'s'}],'neurons':[{'id':'x','threshold':1}],"
                + "'synapses':[" + synapse + "],'actuators':[{'id':'led','node':'n1','pin':1,'neuron':'x'}]}"));
    }
}
