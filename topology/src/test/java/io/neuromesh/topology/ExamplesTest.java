package io.neuromesh.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The shipped examples parse, and the CONTRACT.md XOR network has the documented effective values. */
@Timeout(10)
class ExamplesTest {

    private static final Path EXAMPLES = Path.of("..", "examples");

    static Stream<Path> examples() throws IOException {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            List<Path> json = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
            assertFalse(json.isEmpty(), "no examples in " + EXAMPLES.toAbsolutePath());
            return json.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void parsesEveryShippedExample(Path file) throws IOException {
        Topology topology = Topology.parse(Files.readAllBytes(file));
        assertEquals(topology, Topology.parse(topology.toJson()));
    }

    @Test
    void readsTheContractXorExampleWithItsEffectiveValues() throws IOException {
        Topology xor = Topology.parse(Files.readAllBytes(EXAMPLES.resolve("xor.json")));
        assertEquals(1, xor.rev());
        assertEquals("xor", xor.name());
        assertEquals(new Defaults(OptionalDouble.of(0.9), NeuronMode.LEVEL, Duration.ofMillis(500),
                Duration.ofMillis(100)), xor.defaults());
        assertEquals(List.of(SensorSpec.virtual("sensor_x"), SensorSpec.virtual("sensor_y")), xor.sensors());
        assertEquals(List.of(NeuronSpec.level("x", "n1", 0.9), NeuronSpec.level("y", "n1", 0.9),
                NeuronSpec.level("h1", "n2", 0.9), NeuronSpec.level("h2", "n2", 1.9),
                NeuronSpec.level("h3", "n3", 0.9), NeuronSpec.level("z", "n3", 0.9)), xor.neurons());
        assertEquals(List.of(new SynapseSpec("sensor_x", "x", 1), new SynapseSpec("sensor_y", "y", 1),
                new SynapseSpec("x", "h1", 1), new SynapseSpec("x", "h2", 1), new SynapseSpec("y", "h2", 1),
                new SynapseSpec("y", "h3", 1), new SynapseSpec("h1", "z", 1), new SynapseSpec("h2", "z", -2),
                new SynapseSpec("h3", "z", 1)), xor.synapses());
        assertEquals(List.of(), xor.nodes());
        assertEquals(List.of(), xor.actuators());
        assertEquals(List.of("n1", "n2", "n3"), List.copyOf(xor.index().nodeIds()));
    }

    @Test
    void readsTheGpioXorExampleWithButtonsAndAnLed() throws IOException {
        Topology xor = Topology.parse(Files.readAllBytes(EXAMPLES.resolve("xor-gpio.json")));
        GpioInput button = new GpioInput("n1", 17, Pull.DOWN, Duration.ofMillis(20), false);
        assertEquals(List.of(new SensorSpec("button_x", button, SensorValue.DEFAULT),
                new SensorSpec("button_y", new GpioInput("n1", 27, Pull.DOWN, Duration.ofMillis(20), false),
                        SensorValue.DEFAULT)), xor.sensors());
        assertEquals(List.of(ActuatorSpec.digital("led_z", "n3", 22, "z")), xor.actuators());
        assertEquals(List.of("button_x"), xor.index().incoming("x").stream().map(SynapseSpec::from).toList());
        assertTrue(TopologyDiff.between(Topology.parse(Files.readAllBytes(EXAMPLES.resolve("xor.json"))), xor)
                .neurons().isEmpty());
    }
}
