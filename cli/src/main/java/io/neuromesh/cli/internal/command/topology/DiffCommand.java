package io.neuromesh.cli.internal.command.topology;

import io.neuromesh.cli.internal.options.FleetQuery;
import io.neuromesh.topology.Topology;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code topology diff <file>}: what would change against the topology retained on the broker. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = "what would change against the running (retained) topology")
final class DiffCommand implements Callable<Integer> {

    @Mixin
    private FleetQuery fleet;
    @Parameters(paramLabel = "<file>", description = "the topology JSON file")
    private Path file;

    @Override
    public Integer call() {
        Topology next = TopologyFile.load(file).topology();
        // The running topology is read inside the question, so that a note on it prints before the diff.
        fleet.show((client, timeout) -> Rollout.running(client.currentTopology(timeout), fleet.out()),
                running -> TopologyDiffReport.json(running, next),
                (running, out) -> TopologyDiffReport.lines(running, next).forEach(out::println));
        return 0;
    }
}
