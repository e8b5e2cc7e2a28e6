package io.neuromesh.cli.internal.command.topology;

import io.neuromesh.cli.internal.CommandFailedException;
import io.neuromesh.cli.internal.fleet.RunningTopology;
import io.neuromesh.cli.internal.view.NodesTable;
import io.neuromesh.edge.FleetClient;
import io.neuromesh.edge.FleetClient.RolloutEvent;
import io.neuromesh.edge.wire.NodeStatus;
import io.neuromesh.mqtt.MqttLinkException;
import io.neuromesh.topology.NeuronSpec;
import io.neuromesh.topology.Topology;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Publishes a topology and prints one line per node as its outcome arrives: applied, rejected (with its errors),
 * went offline, or no answer. {@code topology apply} and {@code topology rollback} both go through here.
 */
final class Rollout {

    private static final String INDENT = "             ";
    /** Hosted neurons listed by id on a node's line; beyond that, a count. */
    static final int SHOWN_NEURONS = 12;

    private Rollout() {
    }

    /**
     * @param what names what is published, e.g. the file
     * @throws CommandFailedException when the broker refused it (nothing changed), or a node online at publish time
     *                                does not run it at the end
     */
    static void publish(FleetClient fleet, RolloutOptions options, PrintStream out, String what, Topology topology,
                        byte[] json) {
        // A node silent past its allowance (its site cut off, its process frozen) is not waited for: its peers count
        // it gone, and it runs the newest rev it sees once it is heard again.
        Set<String> silent = fleet.awaitSilentNodes(options.timeout());
        Map<String, NodeStatus> nodes = fleet.nodes();
        List<String> online = nodes.values().stream().filter(NodeStatus::online).map(NodeStatus::node).sorted()
                .toList();
        // Hashed once, beside the publish (a third of a second for 100,000 neurons), while the nodes parse it.
        CompletableFuture<String> hashing = CompletableFuture.supplyAsync(topology::contentHash);
        try {
            fleet.publishTopology(json);
        } catch (MqttLinkException e) {
            throw new CommandFailedException("not published: " + e.getMessage());
        }
        long published = System.nanoTime();
        String hash = hashing.join();
        out.println("published " + what + " (" + TopologyFile.describe(topology, hash) + ")");
        if (options.noWait()) {
            return;
        }
        Instant now = Instant.now();
        silent.forEach(node -> out.println(String.format("  %-10s %s; not waited for", node,
                NodesTable.silent(nodes.get(node), now))));
        if (online.isEmpty()) {
            out.println("no node is online yet; each node applies it when it starts");
            return;
        }
        out.flush();
        Map<String, RolloutEvent> outcomes = fleet.awaitRollout(topology.rev(), hash, online, options.timeout(),
                event -> {
                    out.println(line(event, topology.rev(), RunningTopology.text(options.timeout())));
                    event.errors().forEach(error -> out.println(INDENT + error));
                    out.flush();
                });
        if (outcomes.values().stream().anyMatch(e -> e.kind() != RolloutEvent.Kind.APPLIED)) {
            throw new CommandFailedException("rev " + topology.rev() + " is not running on every online node");
        }
        // The lines above can list a moving neuron on its old and its new node: say where they all end up.
        try {
            SettledPlacement.Placement placement = SettledPlacement.await(fleet,
                    topology.neurons().stream().map(NeuronSpec::id).toList(), topology.rev(), hash, options.timeout());
            out.println(SettledPlacement.describe(placement, Duration.ofNanos(System.nanoTime() - published),
                    RunningTopology.text(options.timeout())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** @return the line of one node's event, e.g. {@code   n1         applied rev 4, hosting x y} */
    static String line(RolloutEvent event, long rev, String timeout) {
        String text = switch (event.kind()) {
            case APPLIED -> "applied rev " + rev + ", hosting " + hosting(event.neurons());
            case REJECTED -> "rejected rev " + rev + "; keeps running what it ran";
            case WENT_OFFLINE -> "went offline before running rev " + rev;
            case NO_ANSWER -> "no answer within " + timeout;
            case JOINED -> "came online during the wait (not waited for)";
        };
        return String.format("  %-10s %s", event.node(), text);
    }

    /**
     * The hosted neurons by id, or for a node hosting more than {@link #SHOWN_NEURONS} their count and the first ones:
     * a node of a 100,000-neuron network would otherwise print 50,000 ids on one line.
     */
    static String hosting(List<String> neurons) {
        return neurons.isEmpty() ? "no neurons" : ids(neurons, "; neuromesh nodes --json lists them");
    }

    /**
     * Neuron ids by id, or past {@link #SHOWN_NEURONS} their count and the first ones, followed by {@code more}:
     * {@code 49,773 neurons (n1 n100 ... ...<more>)}.
     */
    static String ids(List<String> ids, String more) {
        if (ids.size() <= SHOWN_NEURONS) {
            return String.join(" ", ids);
        }
        return String.format(Locale.ROOT, "%,d neurons (%s ...%s)", ids.size(),
                String.join(" ", ids.subList(0, SHOWN_NEURONS)), more);
    }
}
