package io.neuromesh.cli.internal.command;

import io.neuromesh.cli.internal.options.FleetView;
import io.neuromesh.cli.internal.view.NodesJson;
import io.neuromesh.cli.internal.view.NodesTable;
import io.neuromesh.edge.wire.NodeStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code neuromesh nodes [--json]}: the fleet as its retained statuses describe it. */
@Command(name = "nodes", mixinStandardHelpOptions = true,
        description = "list the fleet: each node's state, neurons, topology rev and load, from the retained statuses")
public final class NodesCommand implements Callable<Integer> {

    @Mixin
    private FleetView fleet;

    @Override
    public Integer call() {
        Collection<NodeStatus> statuses = fleet.ask(client -> List.copyOf(client.nodes().values()));
        fleet.print(statuses, NodesJson::of, (all, out) -> {
            if (all.isEmpty()) {
                out.println("no node has published a status on " + fleet.broker().uri() + " yet");
            } else {
                NodesTable.lines(all, Instant.now()).forEach(out::println);
            }
        });
        return 0;
    }
}
