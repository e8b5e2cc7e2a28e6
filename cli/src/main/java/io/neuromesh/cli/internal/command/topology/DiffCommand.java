package io.neuromesh.cli.internal.command.topology;

import io.neuromesh.cli.internal.fleet.FleetWarnings;
import io.neuromesh.cli.internal.fleet.RunningTopology;
import io.neuromesh.cli.internal.options.FleetQuery;
import io.neuromesh.edge.FleetTopology;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code topology diff <file>}: what would change against what the fleet runs. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = "what would change against what the online nodes run (the document of the hash they report),"
                + " with a warning when the retained topology is not that document or nodes disagree")
final class DiffCommand implements Callable<Integer> {

    @Mixin
    private FleetQuery fleet;
    @Parameters(paramLabel = "<file>", description = "the topology JSON file")
    private Path file;

    @Override
    public Integer call() {
        TopologyFile next = TopologyFile.load(file);
        fleet.show((client, timeout) -> {
            FleetTopology now = client.topology(timeout);
            return new TopologyDiffReport(FleetWarnings.lines(now), RunningTopology.of(now, timeout).orElse(null),
                    next.topology(), PublishPlan.choose(next.topology(), next.json(), now));
        }, TopologyDiffReport::json, (report, out) -> report.lines().forEach(out::println));
        return 0;
    }
}
