package io.neuromesh.edge.internal.placement;

import io.neuromesh.topology.Defaults;
import io.neuromesh.topology.NeuronMode;
import io.neuromesh.topology.NeuronSpec;
import io.neuromesh.topology.NodeSpec;
import io.neuromesh.topology.Topology;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlacementTest {

    private static final List<String> FIVE = List.of("n1", "n2", "n3", "n4", "n5");

    @Test
    void scoresAreTheDocumentedFnvThenFmix64AndTheSameOnEveryPlatform() {
        // Expected values computed independently (Python) from the formula in RendezvousHash's comment.
        assertEquals(0x60f68d7595f33e8bL, score("x", "n1"));
        assertEquals(0x6d803923d7e5b262L, score("h2", "n2"));
        assertEquals(0xed49e67e8778a0feL, score("z", "pi-kitchen"));
        assertEquals(0x6c5247a904bdaa0dL, score("n0", "n1"));
    }

    @Test
    void theSeparatorKeepsDifferentSplitsOfTheSameCharactersApart() {
        assertTrue(score("ab", "c") != score("a", "bc"));
    }

    @Test
    void givesTheSamePlacementWhateverTheOrderOfNeuronsAndNodes() {
        List<NeuronSpec> neurons = new ArrayList<>(unpinned(ids("n", 500)));
        neurons.add(NeuronSpec.level("pinned", "n9", 1));
        List<String> nodes = new ArrayList<>(FIVE);
        Placement first = Placement.assign(topology(neurons), nodes);
        Random random = new Random(1);
        for (int i = 0; i < 5; i++) {
            Collections.shuffle(neurons, random);
            Collections.shuffle(nodes, random);
            List<String> withDuplicates = new ArrayList<>(nodes);
            withDuplicates.add(nodes.get(0));
            assertEquals(first, Placement.assign(topology(neurons), withDuplicates), "shuffle " + i);
        }
    }

    @Test
    void separateComputationsFromEqualInputsAgreeNeuronByNeuron() {
        Topology topology = topology(unpinned(uuids(1_000, 99)));
        Map<String, String> a = Placement.assign(topology, FIVE).assignments();
        Map<String, String> b = Placement.assign(Topology.parse(topology.toJson()), List.copyOf(FIVE)).assignments();
        assertEquals(1_000, a.size());
        assertEquals(a, b);
    }

    static Stream<Arguments> idSets() {
        return Stream.of(Arguments.of("n0..n999", ids("n", 1_000)),
                Arguments.of("neuron-0000..neuron-0999", IntStream.range(0, 1_000)
                        .mapToObj(i -> String.format("neuron-%04d", i)).toList()),
                Arguments.of("uuid-like, seed 42", uuids(1_000, 42)),
                Arguments.of("uuid-like, seed 7", uuids(1_000, 7)),
                Arguments.of("uuid-like, seed 2025", uuids(1_000, 2025)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("idSets")
    void spreadsAThousandNeuronsOverFiveNodesWithinRatioOnePointThree(String name, List<String> ids) {
        Placement placement = Placement.assign(topology(unpinned(ids)), FIVE);
        int[] loads = FIVE.stream().mapToInt(node -> placement.neuronsOn(node).size()).toArray();
        double ratio = ratio(loads);
        System.out.printf("balance %-26s loads %s max/min %.3f%n", name, java.util.Arrays.toString(loads), ratio);
        assertEquals(1_000, IntStream.of(loads).sum());
        assertTrue(ratio <= 1.3, name + ": max/min " + ratio);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("idSets")
    void whenOneOfFiveNodesLeavesItsNeuronsMoveAndFewOthers(String name, List<String> ids) {
        Topology topology = topology(unpinned(ids));
        Placement all = Placement.assign(topology, FIVE);
        for (String leaving : FIVE) {
            List<String> survivors = FIVE.stream().filter(node -> !node.equals(leaving)).toList();
            Placement without = Placement.assign(topology, survivors);
            int moved = moved(all, without);
            int bystanders = moved - all.neuronsOn(leaving).size();
            System.out.printf("leave  %-26s %s leaves: %d of 1000 move (%d were on it, %d others)%n",
                    name, leaving, moved, all.neuronsOn(leaving).size(), bystanders);
            assertTrue(moved <= 250, name + ", " + leaving + " leaves: " + moved + " moved");
            assertTrue(without.neuronsOn(leaving).isEmpty());
            all.neuronsOn(leaving).forEach(neuron -> assertTrue(without.nodeOf(neuron).isPresent(), neuron));
            assertTrue(without.unplaced().isEmpty());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("idSets")
    void whenTheNodeJoinsBackThePlacementReturnsToTheOriginal(String name, List<String> ids) {
        Topology topology = topology(unpinned(ids));
        Placement four = Placement.assign(topology, FIVE.subList(0, 4));
        Placement five = Placement.assign(topology, FIVE);
        int moved = moved(four, five);
        System.out.printf("join   %-26s n5 joins: %d of 1000 move, %d of them to n5%n",
                name, moved, five.neuronsOn("n5").size());
        assertEquals(five, Placement.assign(topology, List.of("n5", "n4", "n3", "n2", "n1")));
        assertTrue(moved <= 250, name + ": " + moved + " moved");
        assertTrue(moved >= five.neuronsOn("n5").size(), "at least the new node's neurons move");
    }

    @ParameterizedTest(name = "slack {0}")
    @ValueSource(doubles = {0.0, 0.02, Placement.BALANCE_SLACK, 0.1, 0.25})
    void theBalanceSlackTradesBalanceAgainstMovement(double slack) {
        int worstLoad = 0;
        double worstRatio = 0;
        int bystanders = 0;
        int worstBystanders = 0;
        int leaves = 0;
        for (int seed = 1; seed <= 20; seed++) {
            Topology topology = topology(unpinned(uuids(1_000, seed)));
            Placement five = Placement.assign(topology, FIVE, slack);
            int[] loads = FIVE.stream().mapToInt(node -> five.neuronsOn(node).size()).toArray();
            worstLoad = Math.max(worstLoad, IntStream.of(loads).max().orElseThrow());
            worstRatio = Math.max(worstRatio, ratio(loads));
            for (String leaving : FIVE) {
                List<String> survivors = FIVE.stream().filter(node -> !node.equals(leaving)).toList();
                int others = moved(five, Placement.assign(topology, survivors, slack)) - five.neuronsOn(leaving).size();
                bystanders += others;
                worstBystanders = Math.max(worstBystanders, others);
                leaves++;
            }
        }
        System.out.printf("slack %.2f, 1000 neurons on 5 nodes, 20 id sets: worst max/min %.3f, worst max load %d;"
                        + " a node leaving moves its own neurons plus %.1f others on average, %d at worst%n",
                slack, worstRatio, worstLoad, (double) bystanders / leaves, worstBystanders);
        assertTrue(worstLoad <= Math.ceil((1 + slack) * 200), "no node exceeds the bound; worst " + worstLoad);
        assertTrue(worstBystanders <= 50, "neurons of surviving nodes mostly stay; worst " + worstBystanders);
    }

    @Test
    void pinnedNeuronsStayOnTheirNodeWhetherItIsOnlineOrNot() {
        List<NeuronSpec> neurons = new ArrayList<>(unpinned(ids("a", 100)));
        neurons.add(NeuronSpec.level("x", "n1", 1));
        neurons.add(NeuronSpec.level("z", "n9", 1));
        Topology topology = topology(neurons);
        for (List<String> online : List.of(FIVE, List.of("n2"), List.of("n1", "n9"), List.<String>of())) {
            Placement placement = Placement.assign(topology, online);
            assertEquals(Optional.of("n1"), placement.nodeOf("x"), "online " + online);
            assertEquals(Optional.of("n9"), placement.nodeOf("z"), "online " + online);
        }
        assertEquals(List.of("z"), Placement.assign(topology, FIVE).neuronsOn("n9"));
    }

    @Test
    void pinnedNeuronsDoNotCountAgainstCapacity() {
        List<NeuronSpec> neurons = new ArrayList<>(unpinned(ids("a", 10)));
        neurons.add(NeuronSpec.level("x", "n1", 1));
        neurons.add(NeuronSpec.level("y", "n1", 1));
        Topology topology = topology(List.of(new NodeSpec("n1", List.of(), OptionalInt.of(1))), neurons);
        Placement placement = Placement.assign(topology, List.of("n1", "n2"));
        assertEquals(3, placement.neuronsOn("n1").size(), placement.toString());
        assertEquals(9, placement.neuronsOn("n2").size());
    }

    @Test
    void neuronsThatRequireLabelsRunOnlyOnNodesHavingAllOfThem() {
        List<NeuronSpec> neurons = new ArrayList<>(unpinned(ids("plain", 200)));
        ids("cam", 20).forEach(id -> neurons.add(requiring(id, "gpio", "camera")));
        ids("io", 40).forEach(id -> neurons.add(requiring(id, "gpio")));
        Topology topology = topology(List.of(new NodeSpec("n1", List.of("gpio"), OptionalInt.empty()),
                new NodeSpec("n2", List.of("camera", "gpio", "fast"), OptionalInt.empty()),
                new NodeSpec("n3", List.of("camera"), OptionalInt.empty())), neurons);
        Placement placement = Placement.assign(topology, FIVE);
        ids("cam", 20).forEach(id -> assertEquals(Optional.of("n2"), placement.nodeOf(id), id));
        ids("io", 40).forEach(id -> assertTrue(Set.of("n1", "n2").contains(placement.nodeOf(id).orElseThrow()), id));
        FIVE.forEach(node -> assertTrue(placement.neuronsOn(node).stream().anyMatch(id -> id.startsWith("plain")),
                "unlabelled neurons use every node, " + node + " too"));
        assertTrue(placement.unplaced().isEmpty());
    }

    @Test
    void theBalanceBoundNeverLeavesANeuronUnplacedWhileAnEligibleNodeHasRoom() {
        List<NeuronSpec> neurons = new ArrayList<>();
        ids("io", 50).forEach(id -> neurons.add(requiring(id, "gpio")));
        Topology topology = topology(List.of(new NodeSpec("n1", List.of("gpio"), OptionalInt.empty())), neurons);
        Placement placement = Placement.assign(topology, FIVE);
        assertEquals(50, placement.neuronsOn("n1").size(), "far above the balance bound of 11");
        assertTrue(placement.unplaced().isEmpty());
    }

    @Test
    void noNodeTakesMoreAutomaticNeuronsThanItsCapacity() {
        Topology topology = topology(List.of(new NodeSpec("n1", List.of(), OptionalInt.of(3)),
                new NodeSpec("n2", List.of(), OptionalInt.of(5))), unpinned(ids("a", 100)));
        Placement placement = Placement.assign(topology, List.of("n1", "n2", "n3"));
        assertEquals(3, placement.neuronsOn("n1").size());
        assertEquals(5, placement.neuronsOn("n2").size());
        assertEquals(92, placement.neuronsOn("n3").size(), "a node without a declared capacity has no limit");
    }

    @Test
    void reportsNeuronsThatFindNoNodeWithTheLabelsTheyRequire() {
        Topology topology = topology(List.of(new NodeSpec("n1", List.of("gpio"), OptionalInt.empty())),
                List.of(requiring("cam1", "gpio", "camera"), NeuronSpec.level("plain", null, 1)));
        Placement placement = Placement.assign(topology, List.of("n1", "n2"));
        assertEquals(List.of(new Unplaced("cam1", "no online node has the labels it requires: gpio, camera")),
                placement.unplaced());
        assertEquals(Optional.empty(), placement.nodeOf("cam1"));
        assertTrue(placement.nodeOf("plain").isPresent());
    }

    @Test
    void reportsNeuronsLeftOverWhenEveryEligibleNodeIsAtCapacity() {
        Topology topology = topology(List.of(new NodeSpec("n1", List.of("gpio"), OptionalInt.of(1)),
                new NodeSpec("n2", List.of("gpio"), OptionalInt.of(2))), List.of(requiring("a", "gpio"),
                requiring("b", "gpio"), requiring("c", "gpio"), requiring("d", "gpio")));
        Placement placement = Placement.assign(topology, List.of("n1", "n2", "n3"));
        assertEquals(3, placement.assignments().size());
        assertEquals(1, placement.unplaced().size());
        assertEquals("every online node that may host it is at capacity: n1 (1), n2 (2)",
                placement.unplaced().get(0).reason());
    }

    @Test
    void reportsEveryAutomaticNeuronWhenNoNodeIsOnline() {
        Topology topology = topology(List.of(NeuronSpec.level("a", null, 1), NeuronSpec.level("x", "n1", 1)));
        Placement placement = Placement.assign(topology, List.of());
        assertEquals(List.of(new Unplaced("a", "no node is online")), placement.unplaced());
        assertEquals(Map.of("x", "n1"), placement.assignments());
    }

    @Test
    void answersEmptyForUnknownNeuronsAndNodes() {
        Placement placement = Placement.assign(topology(unpinned(ids("a", 3))), List.of("n1"));
        assertEquals(Optional.empty(), placement.nodeOf("nobody"));
        assertEquals(List.of(), placement.neuronsOn("n7"));
        assertEquals(List.of("a0", "a1", "a2"), placement.neuronsOn("n1"));
    }

    @Test
    void rejectsNullArgumentsWithTheirName() {
        Topology topology = topology(unpinned(ids("a", 3)));
        assertEquals("topology: must not be null", assertThrows(IllegalArgumentException.class,
                () -> Placement.assign(null, FIVE)).getMessage());
        List<String> withNull = new ArrayList<>(List.of("n1"));
        withNull.add(null);
        assertEquals("onlineNodes: must be a collection of node ids without null, got [n1, null]",
                assertThrows(IllegalArgumentException.class, () -> Placement.assign(topology, withNull)).getMessage());
    }

    @ParameterizedTest(name = "{0} neurons")
    @ValueSource(ints = {10_000, 100_000})
    void placesLargeTopologiesWithinTheBound(int count) {
        Topology topology = topology(unpinned(ids("n", count)));
        Placement.assign(topology, FIVE);
        long start = System.nanoTime();
        Placement placement = Placement.assign(topology, FIVE);
        long micros = (System.nanoTime() - start) / 1_000;
        System.out.printf("speed  %d neurons on 5 nodes: %.1f ms (second run in this JVM)%n", count, micros / 1000.0);
        assertEquals(count, placement.assignments().size());
        FIVE.forEach(node -> assertTrue(
                placement.neuronsOn(node).size() <= Math.ceil((1 + Placement.BALANCE_SLACK) * count / 5), node));
    }

    private static long score(String neuron, String node) {
        return RendezvousHash.score(RendezvousHash.neuronPrefix(neuron), node.getBytes(StandardCharsets.UTF_8), 0);
    }

    private static int moved(Placement before, Placement after) {
        return (int) before.assignments().entrySet().stream()
                .filter(e -> !after.nodeOf(e.getKey()).equals(Optional.of(e.getValue()))).count();
    }

    private static double ratio(int[] loads) {
        return (double) IntStream.of(loads).max().orElseThrow() / IntStream.of(loads).min().orElseThrow();
    }

    private static NeuronSpec requiring(String id, String... labels) {
        return new NeuronSpec(id, null, 1, NeuronMode.LEVEL, Defaults.DEFAULT_INPUT_WINDOW,
                Defaults.DEFAULT_REFRACTORY, List.of(labels));
    }

    private static List<NeuronSpec> unpinned(List<String> ids) {
        return ids.stream().map(id -> NeuronSpec.level(id, null, 1)).toList();
    }

    private static List<String> ids(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> prefix + i).toList();
    }

    /** Ids shaped like UUIDs (8-4-4-4-12 hex), reproducible from the seed. */
    private static List<String> uuids(int count, long seed) {
        Random random = new Random(seed);
        return IntStream.range(0, count).mapToObj(i -> String.format("%08x-%04x-%04x-%04x-%012x",
                random.nextInt(), random.nextInt(0x10000), random.nextInt(0x10000), random.nextInt(0x10000),
                random.nextLong() & 0xffffffffffffL)).toList();
    }

    private static Topology topology(List<NeuronSpec> neurons) {
        return topology(List.of(), neurons);
    }

    private static Topology topology(List<NodeSpec> nodes, List<NeuronSpec> neurons) {
        return new Topology(1, null, Defaults.STANDARD, nodes, List.of(), neurons, List.of(), List.of());
    }
}
