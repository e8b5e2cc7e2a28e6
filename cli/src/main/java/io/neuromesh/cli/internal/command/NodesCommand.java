package io.neuromesh.cli.internal.command;

import io.neuromesh.cli.internal.NeuromeshCommand;
import io.neuromesh.cli.internal.options.BrokerOptions;
import io.neuromesh.cli.internal.options.JsonOption;
import io.neuromesh.cli.internal.view.NodesJson;
import io.neuromesh.cli.internal.view.NodesTable;
import io.neuromesh.edge.FleetClient;
import io.neuromesh.edge.wire.NodeStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.time.Instant;
import java.util.Collection;
import java.util.concurrent.Callable;

/** {@code neuromesh nodes [--json]}: the fleet as its retained statuses describe it. */
@Command(name = "nodes", mixinStandardHelpOptions = true,
        description = "list the fleet: each node's state, neurons, topology rev and load, from the retained statuses")
public final class NodesCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;
    @Mixin
    private BrokerOptions broker;
    @Mixin
    private JsonOption json;

    @Override
    public Integer call() {
        PrintStream out = NeuromeshCommand.out(spec);
        try (FleetClient fleet = broker.fleet()) {
            Collection<NodeStatus> statuses = fleet.nodes().values();
            if (json.enabled()) {
                JsonOption.print(out, NodesJson.of(statuses));
            } else if (statuses.isEmpty()) {
                out.println("no node has published a status on " + broker.uri() + " yet");
            } else {
                NodesTable.lines(statuses, Instant.now()).forEach(out::println);
            }
        }
        return 0;
    }
}
