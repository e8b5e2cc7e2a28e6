package io.neuromesh.cli.internal.command;

import io.neuromesh.cli.internal.Args;
import io.neuromesh.cli.internal.CommandFailedException;
import io.neuromesh.cli.internal.Option;
import io.neuromesh.edge.FleetClient;
import io.neuromesh.edge.wire.NodeStatus;
import io.neuromesh.edge.wire.TopologyOutcome;
import io.neuromesh.edge.wire.TopologyResult;
import io.neuromesh.topology.Topology;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Publishes a topology and waits until every node that was online reports its result, printing one line per node.
 * {@code topology apply} and {@code topology rollback} both go through here.
 */
final class Rollout {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    static final Option TIMEOUT = Option.value("timeout", "DURATION",
            "apply, rollback: how long to wait for every online node (default 10s); diff: for the broker (default 3s)");
    static final Option NO_WAIT = Option.flag("no-wait",
            "apply, rollback: publish and exit without waiting for the nodes' results (not recorded in history)");

    private Rollout() {
    }

    /**
     * @param what names what is published, e.g. the file
     * @return the nodes that applied it, sorted; empty when no node was online or with {@code --no-wait}
     * @throws CommandFailedException when an online node rejected it or did not answer in time
     */
    static List<String> publish(FleetClient fleet, Args args, PrintStream out, String what, Topology topology,
                                byte[] json) {
        List<String> online = fleet.nodes().values().stream().filter(NodeStatus::online)
                .map(NodeStatus::node).sorted().toList();
        fleet.publishTopology(json);
        out.println("published " + what + " (" + TopologyCommand.describe(topology) + ")");
        if (args.flag(NO_WAIT.name())) {
            return List.of();
        }
        if (online.isEmpty()) {
            out.println("no node is online yet; each node applies it when it starts");
            return List.of();
        }
        Map<String, TopologyResult> reports = fleet.awaitTopologyReports(topology.rev(), online,
                args.duration(TIMEOUT.name(), DEFAULT_TIMEOUT));
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
}
