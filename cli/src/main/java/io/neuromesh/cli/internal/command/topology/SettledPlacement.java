package io.neuromesh.cli.internal.command.topology;

import io.neuromesh.edge.FleetClient;
import io.neuromesh.edge.wire.NodeState;
import io.neuromesh.edge.wire.NodeStatus;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Where the neurons end up once a published topology runs on every node. A node reports the new rev while it still
 * keeps the neurons it hands over (make-before-break: a moving neuron stays on its old node until the new one reports
 * it), so the nodes' {@code applied} lines can list a neuron on two nodes. This reads the live nodes' statuses until
 * no neuron is on two of them, then says how many each hosts and which neurons no live node hosts (pinned to a node
 * that is offline, or requiring labels no node has). Threading: the caller's; it polls the client's statuses.
 */
final class SettledPlacement {

    private static final Duration POLL = Duration.ofMillis(50);
    /** Nodes listed one by one; beyond that, the range of their counts. */
    private static final int SHOWN_NODES = 12;

    /**
     * What the live nodes' statuses say.
     *
     * @param perNode  the neurons each live node hosts, by node id
     * @param twice    the topology's neurons on more than one live node, in topology order
     * @param nowhere  the topology's neurons on no live node, in topology order
     * @param complete every live node reports the published document, with its hosted set known to this reader
     */
    record Placement(Map<String, List<String>> perNode, List<String> twice, List<String> nowhere, boolean complete) {

        /** No neuron on two nodes, every node's word on the published document heard. */
        boolean settled() {
            return complete && twice.isEmpty();
        }
    }

    private SettledPlacement() {
    }

    /** The placement that the statuses of live (online or leaving) nodes describe for {@code neurons}. */
    static Placement of(Collection<NodeStatus> statuses, List<String> neurons, long rev, String hash) {
        Map<String, Integer> hosts = HashMap.newHashMap(neurons.size());
        Map<String, List<String>> perNode = new TreeMap<>();
        boolean complete = true;
        for (NodeStatus status : statuses) {
            if (status.state() == NodeState.OFFLINE) {
                continue;
            }
            complete &= status.neuronsKnown() && status.rev() == rev && status.hash().equals(hash);
            perNode.put(status.node(), status.neurons());
            status.neurons().forEach(id -> hosts.merge(id, 1, Integer::sum));
        }
        List<String> twice = neurons.stream().filter(id -> hosts.getOrDefault(id, 0) > 1).toList();
        List<String> nowhere = neurons.stream().filter(id -> !hosts.containsKey(id)).toList();
        return new Placement(perNode, twice, nowhere, complete);
    }

    /**
     * Waits until the placement settles or {@code timeout} passes.
     *
     * @return the last placement read: settled, or what was left at the timeout
     */
    static Placement await(FleetClient fleet, List<String> neurons, long rev, String hash, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Placement placement = of(fleet.nodes().values(), neurons, rev, hash);
            if (placement.settled() || System.nanoTime() >= deadline) {
                return placement;
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /**
     * E.g. {@code placement settled in 0.41 s: every neuron on one node (n1: x y; n2: h1 h2; n3: h3 z)}, or what is
     * left at the timeout: {@code placement not settled within 10s: h1 still on two nodes (n1: h1 x y; n2: h1 h2)}.
     * Past {@value Rollout#SHOWN_NEURONS} neurons on a node, counts instead of ids; past {@value #SHOWN_NODES} nodes,
     * the range of their counts.
     */
    static String describe(Placement placement, Duration took, String timeout) {
        String nodes = "(" + perNode(placement.perNode()) + ")";
        String nowhere = placement.nowhere().isEmpty() ? ""
                : "; on no live node: " + Rollout.ids(placement.nowhere(), "");
        if (!placement.settled()) {
            String left = !placement.twice().isEmpty() ? Rollout.ids(placement.twice(), "") + " still on two nodes"
                    : "not every node reported its neurons on this rev";
            return "placement not settled within " + timeout + ": " + left + " " + nodes + nowhere;
        }
        String seconds = String.format(Locale.ROOT, "%.2f s", took.toNanos() / 1e9);
        return "placement settled in " + seconds + ": " + (placement.nowhere().isEmpty() ? "every neuron"
                : "each hosted neuron") + " on one node " + nodes + nowhere;
    }

    private static String perNode(Map<String, List<String>> perNode) {
        IntSummaryStatistics counts = perNode.values().stream().mapToInt(List::size).summaryStatistics();
        if (perNode.size() <= SHOWN_NODES) {
            boolean ids = counts.getMax() <= Rollout.SHOWN_NEURONS;
            return perNode.entrySet().stream().map(e -> e.getKey() + ": " + (!ids
                    ? String.format(Locale.ROOT, "%,d", e.getValue().size())
                    : e.getValue().isEmpty() ? "none" : String.join(" ", e.getValue())))
                    .collect(Collectors.joining("; "));
        }
        return String.format(Locale.ROOT, "%d nodes, %,d to %,d neurons each", perNode.size(), counts.getMin(),
                counts.getMax());
    }
}
