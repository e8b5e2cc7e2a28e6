package io.neuromesh.cli.internal.command;

import io.neuromesh.cli.internal.fleet.FleetWarnings;
import io.neuromesh.cli.internal.options.FleetQuery;
import io.neuromesh.cli.internal.view.NodesJson;
import io.neuromesh.cli.internal.view.NodesTable;
import io.neuromesh.edge.FleetClient;
import io.neuromesh.edge.FleetTopology;
import io.neuromesh.edge.wire.HeartbeatForm;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.time.Instant;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code neuromesh nodes [--json]}: the fleet as its retained statuses describe it. */
@Command(name = "nodes", mixinStandardHelpOptions = true,
        description = {"list the fleet: each node's state, neurons, topology rev, load and refused inputs"
                + " (MALFORMED, DROPPED), from the retained statuses",
                "Below the table: each node's topology problem, and a warning when online nodes run different"
                        + " topologies or the retained topology is not what they run."})
public final class NodesCommand implements Callable<Integer> {

    @Mixin
    private FleetQuery fleet;

    /** The fleet as read, and the nodes whose liveness is the retained copy's ({@link FleetClient#awaitFreshLiveness}). */
    private record Read(FleetTopology now, Set<String> oldLiveness) {
    }

    @Override
    public Integer call() {
        // Fresh liveness first: a node with compact heartbeats retains liveness up to 30 heartbeats old. No wait when
        // no node says so (up to 1,000 neurons every heartbeat is the retained status).
        fleet.show((client, timeout) -> {
                    // The retained statuses first (a read waits for them): only they say which nodes to wait for.
                    FleetTopology retained = client.topology(timeout);
                    Set<String> old = client.awaitFreshLiveness(timeout);
                    boolean waited = retained.nodes().values().stream().anyMatch(s -> s.running()
                            .filter(r -> r.heartbeats() == HeartbeatForm.COMPACT).isPresent());
                    return new Read(waited ? client.topology(timeout) : retained, old);
                }, read -> NodesJson.of(read.now().nodes().values()),
                (read, out) -> {
                    if (read.now().nodes().isEmpty()) {
                        out.println("no node has published a status on " + fleet.broker().uri() + " yet");
                        return;
                    }
                    NodesTable.lines(read.now().nodes().values(), read.oldLiveness(), Instant.now())
                            .forEach(out::println);
                    FleetWarnings.lines(read.now()).forEach(out::println);
                });
        return 0;
    }
}
