package io.neuromesh.cli.internal.command.topology;

import io.neuromesh.cli.internal.CommandFailedException;
import io.neuromesh.edge.wire.AppliedHistory;
import io.neuromesh.topology.Topology;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import static io.neuromesh.cli.internal.fleet.Fleets.bytes;
import static io.neuromesh.cli.internal.fleet.Fleets.fleet;
import static io.neuromesh.cli.internal.fleet.Fleets.network;
import static io.neuromesh.cli.internal.fleet.Fleets.online;
import static io.neuromesh.cli.internal.fleet.Fleets.revision;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PublishPlanTest {

    private static PublishPlan plan(Topology file, io.neuromesh.edge.FleetTopology fleet) {
        return PublishPlan.choose(file, bytes(file), fleet);
    }

    @Test
    void publishesNothingWhenEveryNodeRunsTheNetworkAndTheBrokerRetainsIt() {
        Topology running = network(4, 1);
        PublishPlan plan = plan(network(1, 1), fleet(List.of(online("n1", running), online("n2", running)),
                running, null));
        assertTrue(plan.alreadyRunning());
        assertEquals(4, plan.topology().rev());
    }

    @Test
    void publishesTheFileAsItIsWhenItsRevIsNewerThanTheFleets() {
        Topology running = network(4, 1);
        Topology file = network(7, 0.5);
        byte[] json = "{ \"rev\": 7, \"name\": \"t\", \"neurons\": [{\"id\":\"a\",\"node\":\"n1\",\"threshold\":0.5},"
                .concat("{\"id\":\"b\",\"node\":\"n2\",\"threshold\":1}] }").getBytes(StandardCharsets.UTF_8);
        PublishPlan plan = PublishPlan.choose(file, json, fleet(List.of(online("n1", running)), running, null));
        assertFalse(plan.alreadyRunning());
        assertArrayEquals(json, plan.json());
        assertEquals(Optional.empty(), plan.revNote("f.json"));
    }

    @Test
    void givesAFileThatIsNotNewerTheFleetsRevPlusOne() {
        Topology running = network(3, 1);
        PublishPlan plan = plan(network(1, 0.5), fleet(List.of(online("n1", running)), running, null));
        assertEquals(4, plan.topology().rev());
        assertEquals(network(4, 0.5), plan.topology());
        assertEquals(network(4, 0.5), Topology.parse(plan.json()));
        assertEquals(Optional.of("examples/xor-gpio.json has rev 1; the fleet is at rev 3, so it is published as"
                + " rev 4"), plan.revNote("examples/xor-gpio.json"));
    }

    @Test
    void theFleetsRevIsTheHighestOfNodesRetainedAndHistory() {
        Topology running = network(3, 1);
        Topology retained = network(5, 2);
        assertEquals(6, plan(network(1, 0.5), fleet(List.of(online("n1", running)), retained, null, running))
                .topology().rev());
        AppliedHistory history = new AppliedHistory(List.of(revision(network(8, 3))));
        assertEquals(9, plan(network(1, 0.5), fleet(List.of(online("n1", running)), running, history))
                .topology().rev());
        assertEquals(6, plan(network(1, 0.5), fleet(List.of(), retained, null)).topology().rev(),
                "no node online: the retained rev still counts");
    }

    @Test
    void republishesARunningNetworkWhoseRetainedDocumentIsAnother() {
        Topology running = network(3, 1);
        Topology stray = network(3, 0.2);
        PublishPlan plan = plan(network(1, 1), fleet(List.of(online("n1", running)), stray, null, running));
        assertFalse(plan.alreadyRunning());
        assertTrue(plan.repairs());
        assertEquals(4, plan.topology().rev());
        assertTrue(plan.repairNote().isPresent());
    }

    @Test
    void publishesWhenOnlySomeNodesRunTheNetwork() {
        Topology running = network(3, 1);
        Topology old = network(2, 0.5);
        PublishPlan plan = plan(network(1, 1), fleet(List.of(online("n1", running), online("n2", old)), running,
                null, old));
        assertFalse(plan.alreadyRunning());
        assertEquals(4, plan.topology().rev());
    }

    @Test
    void refusesARevBeyondTheLargest() {
        Topology running = network(Topology.MAX_REV, 1);
        CommandFailedException e = assertThrows(CommandFailedException.class,
                () -> plan(network(1, 0.5), fleet(List.of(online("n1", running)), running, null)));
        assertEquals("cannot publish: the fleet is at rev " + Topology.MAX_REV + ", the largest rev there is ("
                + Topology.MAX_REV + ")", e.getMessage());
    }
}
