package io.neuromesh.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A fleet-sized document: 100,000 neurons and 300,000 synapses parse, validate and index. */
class LargeTopologyTest {

    private static final int NEURONS = 100_000;
    private static final int FAN_IN = 3;

    @Test
    @Timeout(60)
    void parsesAHundredThousandNeuronsWithThreeHundredThousandSynapses() {
        Topology topology = Topology.parse(generate().getBytes(StandardCharsets.UTF_8));
        assertEquals(NEURONS, topology.neurons().size());
        assertEquals(NEURONS * FAN_IN, topology.synapses().size());
        TopologyIndex index = topology.index();
        assertEquals(FAN_IN, index.incoming("n" + (NEURONS - 1)).size());
        assertEquals(FAN_IN, index.outgoing("n0").size());
        assertEquals(10, index.nodeIds().size());
        assertEquals(NEURONS / 10, index.neuronsPinnedTo("p3").size());
    }

    @Test
    void everyMentionOfAnIdSharesOneString() {
        Topology topology = Topology.parse(generate().getBytes(StandardCharsets.UTF_8));
        NeuronSpec last = topology.neurons().get(NEURONS - 1);
        TopologyIndex index = topology.index();
        assertEquals(last.id(), index.incoming(last.id()).get(0).to());
        assertSame(last.id(), index.incoming(last.id()).get(0).to());
        assertSame(last.id(), index.outgoing(last.id()).get(0).from());
        assertSame(topology.neurons().get(0).node(), topology.neurons().get(10).node());
    }

    /** Neuron i is fed by neurons i-1, i-2 and i-3 (wrapping around), pinned round-robin to ten nodes. */
    private static String generate() {
        StringBuilder json = new StringBuilder(NEURONS * 150);
        json.append("{\"rev\":1,\"defaults\":{\"threshold\":0.5},\"neurons\":[");
        for (int i = 0; i < NEURONS; i++) {
            json.append(i == 0 ? "" : ",").append("{\"id\":\"n").append(i).append("\",\"node\":\"p")
                    .append(i % 10).append("\"}");
        }
        json.append("],\"synapses\":[");
        for (int i = 0; i < NEURONS; i++) {
            for (int k = 1; k <= FAN_IN; k++) {
                json.append(i == 0 && k == 1 ? "" : ",").append("{\"from\":\"n").append((i - k + NEURONS) % NEURONS)
                        .append("\",\"to\":\"n").append(i).append("\",\"weight\":1}");
            }
        }
        return json.append("]}").toString();
    }
}
