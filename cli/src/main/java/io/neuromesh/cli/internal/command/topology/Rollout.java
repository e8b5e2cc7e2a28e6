package io.neuromesh.cli.internal.command.topology;

import io.neuromesh.cli.internal.CommandFailedException;
import io.neuromesh.cli.internal.history.TopologyHistory;
import io.neuromesh.edge.FleetClient;
import io.neuromesh.edge.wire.NodeStatus;
import io.neuromesh.edge.wire.TopologyOutcome;
import io.neuromesh.edge.wire.TopologyResult;
import io.neuromesh.topology.Topology;
import io.neuromesh.topology.TopologyException;

import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Publishes a topology and waits until every node that was online reports its result, printing one line per node.
 * {@code topology apply} and {@code topology rollback} both go through here. The reads of the fleet's status and
 * report records for publishing are all here.
 */
final class Rollout {

    private Rollout() {
    }

    /**
     * @param what names what is published, e.g. the file
     * @return the nodes that applied it, sorted; empty when no node was online or with {@code --no-wait}
     * @throws CommandFailedException when an online node rejected it or did not answer in time
     */
    static List<String> publish(FleetClient fleet, RolloutOptions options, PrintStream out, String what,
                                Topology topology, byte[] json) {
        List<String> online = fleet.nodes().values().stream().filter(NodeStatus::online)
                .map(NodeStatus::node).sorted().toList();
        fleet.publishTopology(json);
        out.println("published " + what + " (" + TopologyFile.describe(topology) + ")");
        if (options.noWait()) {
            return List.of();
        }
        if (online.isEmpty()) {
            out.println("no node is online yet; each node applies it when it starts");
            return List.of();
        }
        Map<String, TopologyResult> reports = fleet.awaitTopologyReports(topology.rev(), online,
                options.timeout());
        boolean ok = true;
        for (String node : online) {
            TopologyResult report = reports.get(node);
            if (report == null) {
                ok = false;
                out.printf("  %-10s no answer%n", node);
            } else if (report.result() != TopologyOutcome.APPLIED) {
                ok = false;
                out.printf("  %-10s %s%n", node, report.result().wireName());
                report.errors().forEach(error -> out.println("             " + error));
            } else {
                out.printf("  %-10s applied rev %d, hosting %s%n", node, report.rev(),
                        report.neurons().isEmpty() ? "no neurons" : String.join(" ", report.neurons()));
            }
        }
        if (!ok) {
            throw new CommandFailedException("rev " + topology.rev() + " is not running on every online node");
        }
        return online;
    }

    /** @return the highest rev any node reports running, 0 when none does */
    static long fleetRev(FleetClient fleet) {
        return fleet.nodes().values().stream().mapToLong(NodeStatus::rev).max().orElse(0);
    }

    /** Records a topology every online node applied; a history that cannot be written does not undo the apply. */
    static void remember(TopologyHistory history, PrintStream out, Topology topology, byte[] json,
                         List<String> applied, String source) {
        if (applied.isEmpty()) {
            return;
        }
        try {
            out.println("recorded in the local history: " + history.record(topology, json, applied, source,
                    Instant.now()).file());
        } catch (CommandFailedException e) {
            out.println("warning: " + e.getMessage());
        }
    }

    /** The retained topology, or null when none is retained or it is not valid (then it says so). */
    static Topology running(Optional<byte[]> retained, PrintStream out) {
        if (retained.isEmpty()) {
            return null;
        }
        try {
            return Topology.parse(retained.get());
        } catch (TopologyException e) {
            out.println("note: the topology retained on the broker is not valid (" + e.errors().get(0)
                    + "); treating it as none");
            return null;
        }
    }
}
