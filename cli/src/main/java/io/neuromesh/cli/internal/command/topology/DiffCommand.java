package io.neuromesh.cli.internal.command.topology;

import io.neuromesh.cli.internal.NeuromeshCommand;
import io.neuromesh.cli.internal.options.BrokerOptions;
import io.neuromesh.cli.internal.options.JsonOption;
import io.neuromesh.cli.internal.options.TimeoutOption;
import io.neuromesh.edge.FleetClient;
import io.neuromesh.topology.Topology;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code topology diff <file>}: what would change against the topology retained on the broker. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = "what would change against the running (retained) topology")
final class DiffCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;
    @Mixin
    private BrokerOptions broker;
    @Mixin
    private TimeoutOption timeout;
    @Mixin
    private JsonOption json;
    @Parameters(paramLabel = "<file>", description = "the topology JSON file")
    private Path file;

    @Override
    public Integer call() {
        Topology next = TopologyFile.load(file).topology();
        PrintStream out = NeuromeshCommand.out(spec);
        try (FleetClient fleet = broker.fleet()) {
            Topology running = Rollout.running(fleet.currentTopology(timeout.get()), out);
            if (json.enabled()) {
                JsonOption.print(out, TopologyDiffReport.json(running, next));
            } else {
                TopologyDiffReport.lines(running, next).forEach(out::println);
            }
        }
        return 0;
    }
}
