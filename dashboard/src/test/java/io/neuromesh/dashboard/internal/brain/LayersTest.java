package io.neuromesh.dashboard.internal.brain;

import io.neuromesh.testkit.fleet.TestFleet;
import io.neuromesh.topology.Topology;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LayersTest {

    @Test
    void xorHasSensorsThenXYThenTheHiddenNeuronsThenZ() {
        Map<String, Integer> depth = Layers.of(Topology.parse(TestFleet.example("xor.json")));
        assertEquals(Map.of("sensor_x", 0, "sensor_y", 0, "x", 1, "y", 1, "h1", 2, "h2", 2, "h3", 2, "z", 3), depth);
    }

    @Test
    void aLoopStopsGrowingAtTheNumberOfNeurons() {
        Topology loop = Topology.parse("""
                {"rev":1,"defaults":{"threshold":0.9},"sensors":[{"id":"s"}],"neurons":[{"id":"a","node":"n1"},{"id":"b","node":"n1"}],
                 "synapses":[{"from":"s","to":"a","weight":1},{"from":"a","to":"b","weight":1},
                             {"from":"b","to":"a","weight":1}]}""");
        Map<String, Integer> depth = Layers.of(loop);
        assertEquals(2, depth.get("a"));
        assertEquals(2, depth.get("b"));
    }
}
