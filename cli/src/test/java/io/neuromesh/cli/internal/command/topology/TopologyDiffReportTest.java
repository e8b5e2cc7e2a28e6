package io.neuromesh.cli.internal.command.topology;

import io.neuromesh.topology.Topology;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TopologyDiffReportTest {

    private static Topology topology(long rev, String neurons) {
        return Topology.parse("{\"rev\":" + rev + ",\"neurons\":[" + neurons + "]}");
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
                "~ neuron a: threshold 1.0 -> 1.5"), TopologyDiffReport.lines(running, next));
    }

    @Test
    void saysNoChangesWhenOnlyTheRevDiffers() {
        String neurons = "{\"id\":\"a\",\"node\":\"n1\",\"threshold\":1}";
        assertEquals(List.of("rev 1 -> 2", "no changes"),
                TopologyDiffReport.lines(topology(1, neurons), topology(2, neurons)));
    }

    @Test
    void showsEverythingAsAddedWhenTheBrokerRetainsNoTopology() {
        assertEquals(List.of("rev none -> 1 (no topology is retained on the broker)",
                        "+ neuron a (node n1, level, threshold 1.0)"),
                TopologyDiffReport.lines(null, topology(1, "{\"id\":\"a\",\"node\":\"n1\",\"threshold\":1}")));
    }

    @Test
    void warnsThatRuntimesIgnoreARevThatIsNotNewer() {
        String neurons = "{\"id\":\"a\",\"node\":\"n1\",\"threshold\":1}";
        assertEquals(List.of("rev 3 -> 3",
                        "note: runtimes ignore rev 3: it is not newer than the running rev 3; raise \"rev\" before you"
                                + " apply it",
                        "no changes"),
                TopologyDiffReport.lines(topology(3, neurons), topology(3, neurons)));
    }
}
