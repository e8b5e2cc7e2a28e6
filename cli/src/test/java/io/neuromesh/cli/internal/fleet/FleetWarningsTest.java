package io.neuromesh.cli.internal.fleet;

import io.neuromesh.topology.Topology;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.neuromesh.cli.internal.fleet.Fleets.fleet;
import static io.neuromesh.cli.internal.fleet.Fleets.network;
import static io.neuromesh.cli.internal.fleet.Fleets.online;
import static org.junit.jupiter.api.Assertions.assertEquals;

class FleetWarningsTest {

    @Test
    void saysNothingWhenEveryNodeRunsWhatIsRetained() {
        Topology t = network(2, 1);
        assertEquals(List.of(), FleetWarnings.lines(fleet(List.of(online("n1", t), online("n2", t)), t, null)));
    }

    @Test
    void warnsWhenNodesRunDifferentTopologies() {
        Topology old = network(1, 1);
        Topology t = network(2, 0.5);
        assertEquals(List.of("warning: online nodes run different topologies: rev 1 (hash " + old.shortHash()
                + ") on n3; rev 2 (hash " + t.shortHash() + ") on n1 n2"), FleetWarnings.lines(
                fleet(List.of(online("n1", t), online("n2", t), online("n3", old)), t, null, old)));
    }

    @Test
    void warnsWhenTheRetainedTopologyIsNotWhatRunsAndShowsEachNodesProblem() {
        Topology t = network(2, 1);
        Topology stray = network(2, 0.5);
        assertEquals(List.of("warning: neuromesh/topology retains rev 2 (hash " + stray.shortHash() + "), but the"
                        + " online nodes run rev 2 (hash " + t.shortHash() + ")",
                "n1: rev: 2 is not newer than the running rev 2"),
                FleetWarnings.lines(fleet(List.of(online("n1", t, 0, 0, "rev: 2 is not newer than the running rev 2")),
                        stray, null, t)));
    }
}
