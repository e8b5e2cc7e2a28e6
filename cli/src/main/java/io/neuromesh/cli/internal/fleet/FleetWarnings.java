package io.neuromesh.cli.internal.fleet;

import io.neuromesh.edge.FleetTopology;
import io.neuromesh.edge.Topics;
import io.neuromesh.edge.wire.NodeStatus;
import io.neuromesh.topology.Topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The warnings that the fleet is not of one mind: online nodes running different topologies, a retained topology
 * that is not what they run, and each node's own topology problem. {@code nodes} and {@code topology diff} print them.
 */
public final class FleetWarnings {

    private FleetWarnings() {
    }

    /** @return one line per warning; empty when every online node runs what is retained */
    public static List<String> lines(FleetTopology fleet) {
        List<String> lines = new ArrayList<>();
        if (fleet.disagrees()) {
            List<String> groups = new ArrayList<>();
            for (Map.Entry<String, List<String>> group : fleet.groups().entrySet()) {
                groups.add(group.getKey() + " on " + String.join(" ", group.getValue()));
            }
            lines.add("warning: online nodes run different topologies: " + String.join("; ", groups));
        } else if (fleet.leader().isPresent() && !fleet.retainedIsRunning()) {
            NodeStatus leader = fleet.leader().get();
            String runs = "the online nodes run rev " + leader.rev() + " (hash "
                    + FleetTopology.shortHash(leader.hash()) + ")";
            Optional<String> problem = fleet.retainedProblem();
            Optional<Topology> retained = fleet.retainedTopology();
            if (problem.isPresent()) {
                lines.add("warning: the document retained on " + Topics.TOPOLOGY + " is not a valid topology ("
                        + problem.get() + "); " + runs);
            } else if (retained.isPresent()) {
                lines.add("warning: " + Topics.TOPOLOGY + " retains rev " + retained.get().rev() + " (hash "
                        + retained.get().shortHash() + "), but " + runs);
            } else {
                lines.add("warning: no topology arrived from " + Topics.TOPOLOGY + ", but " + runs);
            }
        }
        for (NodeStatus status : fleet.online()) {
            status.running().flatMap(NodeStatus.Running::topologyProblem)
                    .ifPresent(problem -> lines.add(status.node() + ": " + problem));
        }
        return lines;
    }
}
