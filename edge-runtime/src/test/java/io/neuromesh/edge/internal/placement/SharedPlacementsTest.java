package io.neuromesh.edge.internal.placement;

import io.neuromesh.topology.Topology;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Runtimes in one JVM that hold one topology and see the same online nodes share one placement. */
class SharedPlacementsTest {

    private static Topology topology(int rev) {
        String neurons = IntStream.range(0, 200).mapToObj(i -> "{\"id\":\"x" + i + "\",\"threshold\":1}")
                .collect(Collectors.joining(","));
        return Topology.parse("{\"rev\":" + rev + ",\"neurons\":[" + neurons + "]}");
    }

    @Test
    void theSameTopologyOverTheSameNodesInAnyOrderIsPlacedOnce() {
        SharedPlacements shared = new SharedPlacements();
        Topology topology = topology(1);
        Placement first = shared.place(topology, List.of("n1", "n2", "n3"), Placement.BALANCE_SLACK);
        assertSame(first, shared.place(topology, List.of("n3", "n1", "n2", "n1"), Placement.BALANCE_SLACK));
        assertEquals(BoundedRendezvous.place(topology, List.of("n1", "n2", "n3"), Placement.BALANCE_SLACK), first,
                "what the algorithm places");
    }

    @Test
    void otherNodesAnotherSlackOrAnotherTopologyInstanceArePlacedAnew() {
        SharedPlacements shared = new SharedPlacements();
        Topology topology = topology(1);
        Placement three = shared.place(topology, List.of("n1", "n2", "n3"), Placement.BALANCE_SLACK);
        Placement two = shared.place(topology, List.of("n1", "n2"), Placement.BALANCE_SLACK);
        assertNotSame(three, two);
        assertEquals(List.of(), two.neuronsOn("n3"));
        assertNotSame(two, shared.place(topology, List.of("n1", "n2"), 0.0));
        Topology equalCopy = topology(1);
        Placement again = shared.place(equalCopy, List.of("n1", "n2", "n3"), Placement.BALANCE_SLACK);
        assertNotSame(three, again, "keyed by the instance: an equal topology parsed apart is placed for itself");
        assertEquals(three, again);
    }

    @Test
    void theLatestTwoPlacementsAreKept() {
        SharedPlacements shared = new SharedPlacements();
        Topology topology = topology(1);
        Placement a = shared.place(topology, List.of("n1"), Placement.BALANCE_SLACK);
        Placement b = shared.place(topology, List.of("n1", "n2"), Placement.BALANCE_SLACK);
        assertSame(a, shared.place(topology, List.of("n1"), Placement.BALANCE_SLACK));
        assertSame(b, shared.place(topology, List.of("n1", "n2"), Placement.BALANCE_SLACK));
        shared.place(topology, List.of("n1", "n2", "n3"), Placement.BALANCE_SLACK);
        assertSame(b, shared.place(topology, List.of("n1", "n2"), Placement.BALANCE_SLACK));
        assertNotSame(a, shared.place(topology, List.of("n1"), Placement.BALANCE_SLACK),
                "the oldest, pushed out by a third");
    }
}
