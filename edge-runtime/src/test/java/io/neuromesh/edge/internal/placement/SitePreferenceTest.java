package io.neuromesh.edge.internal.placement;

import io.neuromesh.topology.Defaults;
import io.neuromesh.topology.NeuronMode;
import io.neuromesh.topology.NeuronSpec;
import io.neuromesh.topology.NodeSpec;
import io.neuromesh.topology.Topology;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Placement with {@code prefers}: neurons stay on their site while it has a node that may host them. */
class SitePreferenceTest {

    /** Two nodes at site A, two at site B; b2 also has GPIO. */
    private static final List<NodeSpec> SITES = List.of(node("a1", "site-a"), node("a2", "site-a"),
            node("b1", "site-b"), node("b2", "site-b", "gpio"));
    private static final List<String> ALL = List.of("a1", "a2", "b1", "b2");

    @Test
    void neuronsStayOnTheSiteTheyPreferEvenAboveTheBalanceBound() {
        List<NeuronSpec> neurons = new ArrayList<>(neurons("a", 40, List.of(), List.of("site-a")));
        neurons.addAll(neurons("free", 8, List.of(), List.of()));
        Placement placement = Placement.assign(new Topology(1, null, Defaults.STANDARD, SITES, List.of(), neurons,
                List.of(), List.of()), ALL);
        ids("a", 40).forEach(id -> assertTrue(placement.nodeOf(id).orElseThrow().startsWith("a"), id));
        assertEquals(40 + 8, placement.assignments().size());
        // 40 of 48 neurons at two of four nodes: far above the fleet-wide bound of 12 each. They are balanced inside
        // site A by the same formula over its nodes: ceil(40 / 2) + floor(0.05 x 40 / 2) = 21 at most.
        List.of("a1", "a2").forEach(node -> assertTrue(placement.neuronsOn(node).size() <= 21, placement.toString()));
    }

    @Test
    void whenItsSiteIsCutOffANeuronMovesToTheOtherSiteAndComesBackWithIt() {
        Topology topology = xorOnTwoSites(List.of());
        Placement both = Placement.assign(topology, ALL);
        assertEquals("b", both.nodeOf("z").orElseThrow().substring(0, 1), both.toString());
        List.of("x", "y", "h1", "h2", "h3").forEach(id -> assertEquals("a", both.nodeOf(id).orElseThrow()
                .substring(0, 1), id + " in " + both));

        Placement siteACutOff = Placement.assign(topology, List.of("b1", "b2"));
        assertEquals(6, siteACutOff.assignments().size(), "every neuron runs at site B now: " + siteACutOff);
        Placement siteBCutOff = Placement.assign(topology, List.of("a1", "a2"));
        assertTrue(siteBCutOff.nodeOf("z").orElseThrow().startsWith("a"), siteBCutOff.toString());

        assertEquals(both, Placement.assign(topology, ALL), "back to the same placement when the site returns");
    }

    @Test
    void aRequiredSiteIsNeverLeftEvenWhenItHasNoNode() {
        Topology topology = xorOnTwoSites(List.of("site-b"));
        Placement siteBCutOff = Placement.assign(topology, List.of("a1", "a2"));
        assertEquals(Optional.empty(), siteBCutOff.nodeOf("z"));
        assertEquals(List.of(new Unplaced("z", "no online node has the labels it requires: site-b")),
                siteBCutOff.unplaced());
        assertTrue(Placement.assign(topology, List.of("a1", "b1")).nodeOf("z").orElseThrow().equals("b1"));
    }

    @Test
    void aPreferenceNarrowsWhatIsRequiredAndFallsBackOnlyWithinIt() {
        // gpio is at b2 only; a neuron that requires it and prefers site A can only be at b2, or nowhere.
        NeuronSpec io = new NeuronSpec("io", null, 1, NeuronMode.LEVEL, Defaults.DEFAULT_INPUT_WINDOW,
                Defaults.DEFAULT_REFRACTORY, List.of("gpio"), List.of("site-a"));
        Topology topology = new Topology(1, null, Defaults.STANDARD, SITES, List.of(), List.of(io), List.of(),
                List.of());
        assertEquals(Optional.of("b2"), Placement.assign(topology, ALL).nodeOf("io"));
        assertEquals(Optional.empty(), Placement.assign(topology, List.of("a1", "a2", "b1")).nodeOf("io"));
    }

    @Test
    void aFullSiteOverflowsToTheOtherOnlyBeyondItsCapacity() {
        List<NodeSpec> small = List.of(new NodeSpec("a1", List.of("site-a"), OptionalInt.of(3)), node("b1", "site-b"));
        Topology topology = new Topology(1, null, Defaults.STANDARD, small, List.of(),
                neurons("a", 5, List.of(), List.of("site-a")), List.of(), List.of());
        Placement placement = Placement.assign(topology, List.of("a1", "b1"));
        assertEquals(3, placement.neuronsOn("a1").size(), placement.toString());
        assertEquals(2, placement.neuronsOn("b1").size(), placement.toString());
    }

    @Test
    void aPreferenceNoOnlineNodeHasIsNoConstraint() {
        Topology topology = new Topology(1, null, Defaults.STANDARD, SITES, List.of(),
                neurons("c", 20, List.of(), List.of("site-c")), List.of(), List.of());
        Placement placement = Placement.assign(topology, ALL);
        assertEquals(20, placement.assignments().size());
        ALL.forEach(node -> assertTrue(placement.neuronsOn(node).size() >= 4, placement.toString()));
    }

    @Test
    void theSameInputsGiveTheSamePlacementInAnyOrder() {
        List<NeuronSpec> neurons = new ArrayList<>(neurons("a", 30, List.of(), List.of("site-a")));
        neurons.addAll(neurons("b", 30, List.of(), List.of("site-b")));
        neurons.addAll(neurons("free", 30, List.of(), List.of()));
        List<NodeSpec> nodes = new ArrayList<>(SITES);
        List<String> online = new ArrayList<>(ALL);
        Placement first = Placement.assign(new Topology(1, null, Defaults.STANDARD, nodes, List.of(), neurons,
                List.of(), List.of()), online);
        Random random = new Random(3);
        for (int i = 0; i < 5; i++) {
            Collections.shuffle(neurons, random);
            Collections.shuffle(nodes, random);
            Collections.shuffle(online, random);
            assertEquals(first, Placement.assign(new Topology(1, null, Defaults.STANDARD, nodes, List.of(), neurons,
                    List.of(), List.of()), online), "shuffle " + i);
        }
    }

    /** XOR's neurons: z prefers site B (and requires {@code zRequires}), the others prefer site A. */
    private static Topology xorOnTwoSites(List<String> zRequires) {
        List<NeuronSpec> neurons = new ArrayList<>();
        for (String id : List.of("x", "y", "h1", "h2", "h3")) {
            neurons.add(neuron(id, List.of(), List.of("site-a")));
        }
        neurons.add(neuron("z", zRequires, zRequires.isEmpty() ? List.of("site-b") : List.of()));
        return new Topology(1, null, Defaults.STANDARD, SITES, List.of(), neurons, List.of(), List.of());
    }

    private static List<NeuronSpec> neurons(String prefix, int count, List<String> requires, List<String> prefers) {
        return ids(prefix, count).stream().map(id -> neuron(id, requires, prefers)).toList();
    }

    private static NeuronSpec neuron(String id, List<String> requires, List<String> prefers) {
        return new NeuronSpec(id, null, 1, NeuronMode.LEVEL, Defaults.DEFAULT_INPUT_WINDOW,
                Defaults.DEFAULT_REFRACTORY, requires, prefers);
    }

    private static NodeSpec node(String id, String... labels) {
        return new NodeSpec(id, List.of(labels), OptionalInt.empty());
    }

    private static List<String> ids(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> prefix + i).toList();
    }
}
