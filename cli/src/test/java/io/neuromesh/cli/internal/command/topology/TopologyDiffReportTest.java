package io.neuromesh.cli.internal.command.topology;

import io.neuromesh.edge.FleetTopology;
import io.neuromesh.topology.Topology;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.neuromesh.cli.internal.fleet.Fleets.bytes;
import static io.neuromesh.cli.internal.fleet.Fleets.fleet;
import static io.neuromesh.cli.internal.fleet.Fleets.online;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class TopologyDiffReportTest {

    private static Topology topology(long rev, String neurons) {
        return Topology.parse("{\"rev\":" + rev + ",\"neurons\":[" + neurons + "]}");
    }

    private static TopologyDiffReport report(Topology running, Topology next) {
        FleetTopology fleet = running == null ? fleet(List.of(), null, null)
                : fleet(List.of(online("n1", running)), running, null);
        return new TopologyDiffReport(List.of(), running, next, PublishPlan.choose(next, bytes(next), fleet));
    }

    @Test
    void printsTheRevChangeThenEachChangedElement() {
        Topology running = topology(3, "{\"id\":\"a\",\"node\":\"n1\",\"threshold\":1},"
                + "{\"id\":\"b\",\"node\":\"n2\",\"threshold\":1}");
        Topology next = topology(4, "{\"id\":\"a\",\"node\":\"n1\",\"threshold\":1.5},"
                + "{\"id\":\"c\",\"node\":\"n2\",\"threshold\":1}");
        assertEquals(List.of("rev 3 -> 4",
                "- neuron b",
                "+ neuron c (node n2, level, threshold 1.0)",
                "~ neuron a: threshold 1.0 -> 1.5"), report(running, next).lines());
    }

    @Test
    void saysWhichRevApplyWouldPublishAFileThatIsNotNewer() {
        Topology running = topology(3, "{\"id\":\"a\",\"node\":\"n1\",\"threshold\":1}");
        Topology next = topology(1, "{\"id\":\"a\",\"node\":\"n1\",\"threshold\":2}");
        assertEquals(List.of("rev 3 -> 4",
                "note: the file has rev 1; the fleet is at rev 3, so it is published as rev 4",
                "~ neuron a: threshold 1.0 -> 2.0"), report(running, next).lines());
    }

    @Test
    void saysApplyPublishesNothingForTheRunningNetwork() {
        String neurons = "{\"id\":\"a\",\"node\":\"n1\",\"threshold\":1}";
        TopologyDiffReport report = report(topology(3, neurons), topology(1, neurons));
        assertEquals(List.of("rev 3 (apply publishes nothing: the fleet runs this network)", "no changes"),
                report.lines());
        assertFalse(report.json().get("publishes").getAsBoolean());
    }

    @Test
    void comparesWithNothingWhenNoNodeRunsATopology() {
        Topology next = topology(1, "{\"id\":\"a\",\"node\":\"n1\",\"threshold\":1}");
        assertEquals(List.of("rev none -> 1 (no online node runs a topology)",
                "+ neuron a (node n1, level, threshold 1.0)"), report(null, next).lines());
        assertEquals(1, report(null, next).json().get("toRev").getAsLong());
    }
}
