package io.neuromesh.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Records built in code enforce the same rules as the parser, with the field name in place of the path. */
@Timeout(10)
class RecordValidationTest {

    private static final Duration MS_500 = Duration.ofMillis(500);
    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final ActuatorSpec DIGITAL_Z = ActuatorSpec.digital("a", "n1", 22, "z");

    static Stream<Arguments> invalidRecords() {
        return Stream.of(
                Arguments.of((Executable) () -> NeuronSpec.level("a/b", null, 1),
                        "id: 'a/b' contains '/'; ids are 1-64 characters of A-Z a-z 0-9 _ -"),
                Arguments.of((Executable) () -> NeuronSpec.level(null, null, 1), "id: must not be null"),
                Arguments.of((Executable) () -> NeuronSpec.level("a", "n 1", 1),
                        "node: 'n 1' contains a space; ids are 1-64 characters of A-Z a-z 0-9 _ -"),
                Arguments.of((Executable) () -> NeuronSpec.level("a", null, Double.NaN),
                        "threshold: must be a finite number, got NaN"),
                Arguments.of((Executable) () -> new NeuronSpec("a", null, 1, null, MS_500, MS_500, List.of()),
                        "mode: must not be null"),
                Arguments.of((Executable) () -> new NeuronSpec("a", null, 1, NeuronMode.SPIKE, Duration.ofMillis(-1),
                        MS_500, List.of()),
                        "inputWindow: must be a whole number of milliseconds from 0 to 86400000 ms, got PT-0.001S"),
                Arguments.of((Executable) () -> new NeuronSpec("a", null, 1, NeuronMode.SPIKE, MS_500,
                        Duration.ofNanos(1500), List.of()),
                        "refractory: must be a whole number of milliseconds from 0 to 86400000 ms, got PT0.0000015S"),
                Arguments.of((Executable) () -> new NeuronSpec("a", null, 1, NeuronMode.SPIKE, MS_500,
                        Duration.ofHours(25), List.of()),
                        "refractory: must be a whole number of milliseconds from 0 to 86400000 ms, got PT25H"),
                Arguments.of((Executable) () -> new NeuronSpec("a", null, 1, NeuronMode.LEVEL, MS_500, MS_500,
                        List.of("gpio", "gpio")), "requires[1]: duplicate label 'gpio'"),
                Arguments.of((Executable) () -> new NeuronSpec("a", null, 1, NeuronMode.LEVEL, MS_500, MS_500,
                        withNull()), "requires[0]: must not be null"),
                Arguments.of((Executable) () -> new SynapseSpec("a", "b", Double.POSITIVE_INFINITY),
                        "weight: must be a finite number, got Infinity"),
                Arguments.of((Executable) () -> new SynapseSpec("a", "", 1),
                        "to: must not be empty; ids are 1-64 characters of A-Z a-z 0-9 _ -"),
                Arguments.of((Executable) () -> GpioInput.of("n1", 40), "pin: 40 is outside the header's BCM range 0-27"),
                Arguments.of((Executable) () -> new GpioInput("n1", 4, null, Duration.ZERO, false), "pull: must not be null"),
                Arguments.of((Executable) () -> new GpioInput("n1", 4, Pull.UP, Duration.ofMillis(-20), false),
                        "debounce: must be a whole number of milliseconds from 0 to 86400000 ms, got PT-0.02S"),
                Arguments.of((Executable) () -> new SensorSpec("s", null, null), "value: must not be null"),
                Arguments.of((Executable) () -> new SensorValue(1, Double.NaN), "low: must be a finite number, got NaN"),
                Arguments.of((Executable) () -> new NodeSpec("n1", List.of(), OptionalInt.of(0)),
                        "capacity: must be an integer from 1 to 2147483647, got 0"),
                Arguments.of((Executable) () -> new NodeSpec("n1", List.of("a#"), OptionalInt.empty()),
                        "labels[0]: 'a#' contains '#'; ids are 1-64 characters of A-Z a-z 0-9 _ -"),
                Arguments.of((Executable) () -> new PwmSettings(0, 50), "frequencyHz: must be an integer from 1 to 100000, got 0"),
                Arguments.of((Executable) () -> new PwmSettings(1000, 100.5), "dutyPercent: must be a number from 0 to 100, got 100.5"),
                Arguments.of((Executable) () -> new ActuatorSpec("a", "n1", 22, "z", ActuatorKind.PWM, false, null,
                        FailSafe.LOW, SECOND), "pwm: required for a pwm actuator (use PwmSettings.DEFAULT)"),
                Arguments.of((Executable) () -> new ActuatorSpec("a", "n1", 22, "z", ActuatorKind.DIGITAL, false,
                        PwmSettings.DEFAULT, FailSafe.LOW, SECOND),
                        "pwm: only a pwm actuator has pwm settings; this one is digital"),
                Arguments.of((Executable) () -> new ActuatorSpec("a", "n1", 22, "z", ActuatorKind.DIGITAL, false, null,
                        null, SECOND), "failSafe: must not be null"),
                Arguments.of((Executable) () -> DIGITAL_Z.withFailSafe(FailSafe.HIGH, null),
                        "failSafeAfter: required for failSafe HIGH (use ActuatorSpec.DEFAULT_FAIL_SAFE_AFTER)"),
                Arguments.of((Executable) () -> DIGITAL_Z.withFailSafe(FailSafe.HOLD, SECOND),
                        "failSafeAfter: a hold actuator never changes its level, so it has no failSafeAfter; pass null"),
                Arguments.of((Executable) () -> DIGITAL_Z.withFailSafe(FailSafe.LOW, Duration.ofMillis(-1)),
                        "failSafeAfter: must be a whole number of milliseconds from 0 to 86400000 ms, got PT-0.001S"),
                Arguments.of((Executable) () -> DIGITAL_Z.withFailSafe(FailSafe.LOW, Duration.ofNanos(1_500_000)),
                        "failSafeAfter: must be a whole number of milliseconds from 0 to 86400000 ms, got PT0.0015S"),
                Arguments.of((Executable) () -> ActuatorSpec.digital("a", "n1", 99, "z"),
                        "pin: 99 is outside the header's BCM range 0-27"),
                Arguments.of((Executable) () -> new Defaults(OptionalDouble.of(Double.NEGATIVE_INFINITY), NeuronMode.LEVEL,
                        MS_500, MS_500), "threshold: must be a finite number, got -Infinity"),
                Arguments.of((Executable) () -> topology(0, null, List.of()),
                        "rev: must be an integer from 1 to 9007199254740991, got 0"),
                Arguments.of((Executable) () -> topology(Topology.MAX_REV + 1, null, List.of()),
                        "rev: must be an integer from 1 to 9007199254740991, got 9007199254740992"),
                Arguments.of((Executable) () -> topology(1, "", List.of()), "name: must be 1-128 characters, got 0"),
                Arguments.of((Executable) () -> topology(1, null, null), "neurons: must not be null"),
                Arguments.of((Executable) () -> topology(1, null, withNull()), "neurons[0]: must not be null"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("invalidRecords")
    void rejectsInvalidFieldsWithTheFieldName(Executable construction, String message) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, construction).getMessage());
    }

    @Test
    void enforcesTheCrossReferenceRulesInTheTopologyConstructor() {
        TopologyException e = assertThrows(TopologyException.class, () -> new Topology(1, null, Defaults.STANDARD,
                List.of(),
                List.of(SensorSpec.virtual("s"), new SensorSpec("b", GpioInput.of("n3", 22), SensorValue.DEFAULT)),
                List.of(NeuronSpec.level("z", "n3", 1), NeuronSpec.level("s", "n3", 1)),
                List.of(new SynapseSpec("q", "z", 1), new SynapseSpec("z", "b", 1)),
                List.of(ActuatorSpec.digital("led", "n3", 22, "z"))));
        assertEquals(List.of(
                "neurons[1].id: duplicate id 's'; sensors[0] already has it "
                        + "(neurons, sensors and actuators share one namespace)",
                "synapses[0].from: unknown source 'q'; no sensor or neuron has that id",
                "synapses[1].to: 'b' is a sensor; a synapse must end at a neuron",
                "actuators[0].pin: pin 22 on node n3 is already used by sensors[1] (b)"), e.errors());
    }

    @Test
    void stillEnforcesTheCrossReferenceRulesRightAfterAParseOnTheSameThread() {
        // The parser builds its topology without a second check of the rules it has just checked; that must not
        // outlive the parse.
        Topology parsed = Topology.parse("{\"rev\":1,\"neurons\":[{\"id\":\"a\",\"threshold\":1}]}");
        TopologyException e = assertThrows(TopologyException.class, () -> new Topology(2, null, parsed.defaults(),
                List.of(), List.of(), parsed.neurons(), List.of(new SynapseSpec("q", "a", 1)), List.of()));
        assertEquals(List.of("synapses[0].from: unknown source 'q'; no sensor or neuron has that id"), e.errors());
    }

    @Test
    void foldsNegativeZeroIntoZeroSoThatEqualTopologiesCompareEqual() {
        assertEquals(new SynapseSpec("a", "b", 0.0), new SynapseSpec("a", "b", -0.0));
        assertEquals(NeuronSpec.level("a", null, 0.0), NeuronSpec.level("a", null, -0.0));
    }

    @Test
    void copiesListsSoThatLaterChangesToTheArgumentDoNotLeakIn() {
        List<String> labels = new ArrayList<>(List.of("gpio"));
        NodeSpec node = new NodeSpec("n1", labels, OptionalInt.empty());
        labels.add("camera");
        assertEquals(List.of("gpio"), node.labels());
    }

    @Test
    void reportsWhetherANeuronIsPinnedAndASensorVirtual() {
        assertEquals(List.of(true, false), List.of(NeuronSpec.level("a", "n1", 1).isPinned(),
                NeuronSpec.level("a", null, 1).isPinned()));
        assertEquals(List.of(true, false), List.of(SensorSpec.virtual("s").isVirtual(),
                new SensorSpec("s", GpioInput.of("n1", 3), SensorValue.DEFAULT).isVirtual()));
    }

    @Test
    void refusesATopologyExceptionWithoutErrors() {
        assertEquals("errors: must not be empty",
                assertThrows(IllegalArgumentException.class, () -> new TopologyException(List.of())).getMessage());
    }

    private static List<String> withNull() {
        List<String> list = new ArrayList<>();
        list.add(null);
        return list;
    }

    @SuppressWarnings("unchecked")
    private static Topology topology(long rev, String name, List<?> neurons) {
        return new Topology(rev, name, Defaults.STANDARD, List.of(), List.of(), (List<NeuronSpec>) neurons, List.of(),
                List.of());
    }
}
