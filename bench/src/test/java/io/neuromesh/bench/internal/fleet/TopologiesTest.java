package io.neuromesh.bench.internal.fleet;

import io.neuromesh.topology.NeuronSpec;
import io.neuromesh.topology.SynapseSpec;
import io.neuromesh.topology.Topology;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TopologiesTest {

    @Test
    void aSparseNetworkIsValidWithTwoSynapsesPerNeuronAndItsSensorsFeedTheNamedNeurons() {
        Topology topology = Topology.parse(Topologies.sparse(7, 1_000, List.of("a", "b", "c"), 10, 42));

        assertEquals(7, topology.rev());
        assertEquals(1_000, topology.neurons().size());
        assertEquals(2_000 + 10, topology.synapses().size());
        assertEquals(Map.of("a", 334L, "b", 333L, "c", 333L), topology.neurons().stream()
                .collect(Collectors.groupingBy(NeuronSpec::node, Collectors.counting())));
        assertTrue(topology.synapses().contains(new SynapseSpec("s3", Topologies.neuronId(Topologies.fedBy(3, 1_000, 10)),
                1)));
    }

    @Test
    void theSameSeedGivesTheSameDocument() {
        assertEquals(Topologies.sparse(1, 500, List.of("a"), 5, 9), Topologies.sparse(1, 500, List.of("a"), 5, 9));
    }

    @Test
    void aHundredThousandNeuronsStayUnderTheTopologySizeLimit() {
        byte[] json = Topologies.sparse(1, 100_000, List.of("bench-big"), 100, 42).getBytes(StandardCharsets.UTF_8);

        assertTrue(json.length < Topology.DEFAULT_MAX_BYTES, json.length + " bytes");
    }

    @Test
    void theXorExampleKeepsItsPinningUnderPrefixedNodeNames() {
        Topology xor = Topology.parse(Topologies.xor(5, "bench-"));

        assertEquals(5, xor.rev());
        assertEquals(Map.of("x", "bench-n1", "y", "bench-n1", "h1", "bench-n2", "h2", "bench-n2", "h3", "bench-n3",
                "z", "bench-n3"), xor.neurons().stream().collect(Collectors.toMap(NeuronSpec::id, NeuronSpec::node)));
    }

    @Test
    void aChainAlternatesItsNeuronsOverTheNodes() {
        Topology chain = Topology.parse(Topologies.chain(3, "in", 4, List.of("a", "b")));

        assertEquals(List.of("a", "b", "a", "b"), chain.neurons().stream().map(NeuronSpec::node).toList());
        assertEquals(List.of("in->r0", "r0->r1", "r1->r2", "r2->r3"),
                chain.synapses().stream().map(s -> s.from() + "->" + s.to()).toList());
    }
}
