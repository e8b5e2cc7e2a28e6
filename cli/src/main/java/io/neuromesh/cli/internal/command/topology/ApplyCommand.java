package io.neuromesh.cli.internal.command.topology;

import io.neuromesh.cli.internal.history.TopologyHistory;
import io.neuromesh.edge.FleetClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.file.Path;

/** {@code topology apply <file>}: check it, publish it retained, wait for every online node's result. */
@Command(name = "apply", mixinStandardHelpOptions = true,
        description = "check a topology file, publish it (retained) and wait for every online node's result")
final class ApplyCommand extends PublishCommand {

    @Parameters(paramLabel = "<file>", description = "the topology JSON file")
    private Path file;
    private TopologyFile loaded;

    @Override
    void check() {
        loaded = TopologyFile.load(file);
    }

    @Override
    Release release(FleetClient fleet, TopologyHistory history, PrintStream out) {
        return new Release(file.toString(), loaded.topology(), loaded.json(),
                file.toAbsolutePath().normalize().toString());
    }
}
