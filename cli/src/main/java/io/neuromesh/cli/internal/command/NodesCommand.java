package io.neuromesh.cli.internal.command;

import io.neuromesh.cli.internal.fleet.FleetWarnings;
import io.neuromesh.cli.internal.options.FleetQuery;
import io.neuromesh.cli.internal.view.NodesJson;
import io.neuromesh.cli.internal.view.NodesTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.time.Instant;
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

    @Override
    public Integer call() {
        fleet.show((client, timeout) -> client.topology(timeout), now -> NodesJson.of(now.nodes().values()),
                (now, out) -> {
                    if (now.nodes().isEmpty()) {
                        out.println("no node has published a status on " + fleet.broker().uri() + " yet");
                        return;
                    }
                    NodesTable.lines(now.nodes().values(), Instant.now()).forEach(out::println);
                    FleetWarnings.lines(now).forEach(out::println);
                });
        return 0;
    }
}
