package io.neuromesh.bench.internal.scenario;

import io.neuromesh.topology.NeuronSpec;
import io.neuromesh.topology.Topology;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TickedXorTest {

    /** The bench builds its ticked XOR from its copy of xor.json: it must stay the repository's example. */
    @Test
    void theTickedTopologyIsTheExampleWithItsNodesRenamed() throws Exception {
        Topology example = Topology.parse(Files.readAllBytes(Path.of("..", "examples", "xor-ticked.json")));

        Topology bench = Topology.parse(TickedXor.topology(7, node -> "bench-" + node)
                .getBytes(StandardCharsets.UTF_8));

        assertEquals(TickedXor.TICK, bench.tick());
        assertEquals(example.tick(), bench.tick());
        assertEquals(example.synapses(), bench.synapses());
        assertEquals(example.sensors(), bench.sensors());
        assertEquals(placed(example, "bench-"), placed(bench, ""));
    }

    /** Each neuron's id, node (with {@code prefix}), threshold and mode. */
    private static Map<String, String> placed(Topology topology, String prefix) {
        return topology.neurons().stream().collect(Collectors.toMap(NeuronSpec::id,
                n -> prefix + n.node() + " " + n.threshold() + " " + n.mode()));
    }
}
