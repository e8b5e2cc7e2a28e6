package io.neuromesh.cli.internal.fleet;

import io.neuromesh.cli.internal.CommandFailedException;
import io.neuromesh.topology.Topology;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.neuromesh.cli.internal.fleet.Fleets.fleet;
import static io.neuromesh.cli.internal.fleet.Fleets.network;
import static io.neuromesh.cli.internal.fleet.Fleets.online;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RunningTopologyTest {

    private static final Duration WAITED = Duration.ofSeconds(3);

    @Test
    void refusesANeuronTheRunningTopologyDoesNotHaveWithTheClosestId() {
        Topology running = network(4, 1);
        var fleet = fleet(List.of(online("n1", running)), running, null);
        CommandFailedException e = assertThrows(CommandFailedException.class,
                () -> RunningTopology.requireNeuron(fleet, "aa", WAITED));
        assertEquals("no neuron 'aa' in the running topology (rev 4); did you mean a?", e.getMessage());
        RunningTopology.requireNeuron(fleet, "b", WAITED);
    }

    @Test
    void listsTheNeuronsWhenNoIdIsClose() {
        Topology running = network(4, 1);
        var fleet = fleet(List.of(online("n1", running)), running, null);
        assertEquals("no neuron 'sensor_zz' in the running topology (rev 4); its neurons are a b",
                assertThrows(CommandFailedException.class,
                        () -> RunningTopology.requireNeuron(fleet, "sensor_zz", WAITED)).getMessage());
    }

    @Test
    void judgesByWhatTheNodesRunNotByWhatIsRetained() {
        Topology running = network(4, 1);
        Topology stray = Topology.parse("{\"rev\":9,\"neurons\":[{\"id\":\"c\",\"node\":\"n1\",\"threshold\":1}]}");
        var fleet = fleet(List.of(online("n1", running)), stray, null, running);
        assertThrows(CommandFailedException.class, () -> RunningTopology.requireNeuron(fleet, "c", WAITED));
        RunningTopology.requireNeuron(fleet, "a", WAITED);
    }

    @Test
    void aDocumentTheNodesRunThatDidNotArriveIsATimeoutNotANothing() {
        Topology running = network(4, 1);
        var fleet = fleet(List.of(online("n1", running)), null, null);
        CommandFailedException e = assertThrows(CommandFailedException.class, () -> RunningTopology.of(fleet, WAITED));
        assertEquals("no answer from the broker within 3s: the nodes run rev 4 (hash " + running.shortHash()
                + "), but its document arrived neither on neuromesh/topology nor on neuromesh/topology/history/4",
                e.getMessage());
    }

    @Test
    void saysNoTopologyRunsOnlyWhenNoNodeRunsOne() {
        var fleet = fleet(List.of(online("n1", null)), null, null);
        assertEquals("no node runs a topology yet, so there is no neuron 'x'; apply one first: ./neuromesh topology"
                + " apply FILE", assertThrows(CommandFailedException.class,
                () -> RunningTopology.requireNeuron(fleet, "x", WAITED)).getMessage());
    }
}
