package io.neuromesh.cli.internal.command.topology;

import io.neuromesh.cli.internal.command.topology.SettledPlacement.Placement;
import io.neuromesh.edge.wire.NodeState;
import io.neuromesh.edge.wire.NodeStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where a published topology's neurons end up, from the live nodes' statuses, and how {@code apply} says it. */
class SettledPlacementTest {

    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    private static final String HASH = "741110b2035570e1741110b2035570e1741110b2035570e1741110b2035570e1";
    private static final List<String> XOR = List.of("x", "y", "h1", "h2", "h3", "z");

    @Test
    void aNeuronStillOnItsOldNodeIsNotSettledYet() {
        // Make-before-break, as n1 reported applying rev 2 while it still kept h1 for n2.
        Placement moving = SettledPlacement.of(List.of(node("n1", 2, "x", "y", "h1"), node("n2", 2, "h1", "h2"),
                node("n3", 2, "h3", "z")), XOR, 2, HASH);
        assertFalse(moving.settled());
        assertEquals(List.of("h1"), moving.twice());
        assertEquals("placement not settled within 10s: h1 still on two nodes (n1: x y h1; n2: h1 h2; n3: h3 z)",
                SettledPlacement.describe(moving, Duration.ofSeconds(10), "10s"));

        Placement settled = SettledPlacement.of(List.of(node("n1", 2, "x", "y"), node("n2", 2, "h1", "h2"),
                node("n3", 2, "h3", "z")), XOR, 2, HASH);
        assertTrue(settled.settled());
        assertEquals("placement settled in 0.41 s: every neuron on one node (n1: x y; n2: h1 h2; n3: h3 z)",
                SettledPlacement.describe(settled, Duration.ofMillis(410), "10s"));
    }

    @Test
    void aNodeOnAnotherRevOrAnOfflineOneCountsAsTheyAre() {
        // n3 has not reported rev 2 yet: its neurons count, but the placement is not complete.
        Placement behind = SettledPlacement.of(List.of(node("n1", 2, "x", "y", "h1", "h2"), node("n3", 1, "h3", "z")),
                XOR, 2, HASH);
        assertFalse(behind.settled());
        assertEquals("placement not settled within 10s: not every node reported its neurons on this rev"
                + " (n1: x y h1 h2; n3: h3 z)",
                SettledPlacement.describe(behind, Duration.ofSeconds(10), "10s"));

        // z is pinned to n4, which is offline: settled, and the line says z is on no node.
        Placement pinned = SettledPlacement.of(List.of(node("n1", 2, "x", "y", "h1", "h2", "h3"),
                NodeStatus.offline("n4", "connection lost", NOW)), XOR, 2, HASH);
        assertTrue(pinned.settled());
        assertEquals(Map.of("n1", List.of("x", "y", "h1", "h2", "h3")), pinned.perNode());
        assertEquals("placement settled in 1.00 s: each hosted neuron on one node (n1: x y h1 h2 h3);"
                + " on no live node: z",
                SettledPlacement.describe(pinned, Duration.ofSeconds(1), "10s"));
    }

    @Test
    void manyNeuronsAreCountedAndManyNodesSummedUp() {
        List<String> ids = IntStream.range(0, 20).mapToObj(k -> "a" + k).toList();
        Placement big = SettledPlacement.of(List.of(node("n1", 2, ids.subList(0, 13).toArray(String[]::new)),
                node("n2", 2, ids.subList(13, 20).toArray(String[]::new)), node("n3", 2)), ids, 2, HASH);
        assertEquals("placement settled in 0.50 s: every neuron on one node (n1: 13; n2: 7; n3: 0)",
                SettledPlacement.describe(big, Duration.ofMillis(500), "10s"));


        List<NodeStatus> fleet = IntStream.range(0, 20).mapToObj(i -> node("n" + i, 2,
                IntStream.range(0, 1_000 + i).mapToObj(k -> "a" + i + "_" + k).toArray(String[]::new))).toList();
        List<String> all = fleet.stream().flatMap(s -> s.neurons().stream()).toList();
        Placement placement = SettledPlacement.of(fleet, all, 2, HASH);
        assertEquals("placement settled in 2.50 s: every neuron on one node (20 nodes, 1,000 to 1,019 neurons each)",
                SettledPlacement.describe(placement, Duration.ofMillis(2_500), "10s"));
    }

    private static NodeStatus node(String node, long rev, String... neurons) {
        return NodeStatus.live(NodeState.ONLINE, node, List.of(neurons), NOW, new NodeStatus.Running("i-" + node, rev,
                HASH, NOW.minusSeconds(60), 0, 0, 10, 512, 0, 0, Optional.empty()));
    }
}
