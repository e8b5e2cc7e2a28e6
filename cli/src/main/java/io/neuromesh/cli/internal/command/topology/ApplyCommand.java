package io.neuromesh.cli.internal.command.topology;

import io.neuromesh.cli.internal.NeuromeshCommand;
import io.neuromesh.cli.internal.options.BrokerOptions;
import io.neuromesh.edge.FleetClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code topology apply <file>}: check it, publish it retained, wait for every online node's result. */
@Command(name = "apply", mixinStandardHelpOptions = true,
        description = "check a topology file, publish it (retained) and wait for every online node's result")
final class ApplyCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;
    @ParentCommand
    private TopologyCommand parent;
    @Mixin
    private BrokerOptions broker;
    @Mixin
    private RolloutOptions rollout;
    @Parameters(paramLabel = "<file>", description = "the topology JSON file")
    private Path file;

    @Override
    public Integer call() {
        TopologyFile loaded = TopologyFile.load(file);
        PrintStream out = NeuromeshCommand.out(spec);
        try (FleetClient fleet = broker.fleet()) {
            List<String> applied = Rollout.publish(fleet, rollout, out, file.toString(), loaded.topology(),
                    loaded.json());
            Rollout.remember(parent.history(), out, loaded.topology(), loaded.json(), applied,
                    file.toAbsolutePath().normalize().toString());
        }
        return 0;
    }
}
