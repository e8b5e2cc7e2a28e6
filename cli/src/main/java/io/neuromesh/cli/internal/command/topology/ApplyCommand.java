package io.neuromesh.cli.internal.command.topology;

import io.neuromesh.edge.FleetClient;
import io.neuromesh.edge.FleetTopology;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.file.Path;

/** {@code topology apply <file>}: check it, publish it retained under a rev the fleet applies, wait for every node. */
@Command(name = "apply", mixinStandardHelpOptions = true,
        description = {"check a topology file, publish it (retained) and wait until every online node runs it.",
                "If the fleet already runs its network and the broker retains it, nothing is published (exit 0).",
                "If its rev is not newer than the fleet's rev (the highest the nodes, the broker and the applied"
                        + " history know), it is published as rev = the fleet's rev + 1, and the output says so.",
                "Then it says where each neuron ended up, once no neuron is on two nodes (a moving one stays on"
                        + " its old node until the new one has it).",
                "Exit 0 only when every node online at publish time runs it."})
final class ApplyCommand extends PublishCommand {

    @Parameters(paramLabel = "<file>", description = "the topology JSON file")
    private Path file;
    private TopologyFile loaded;

    @Override
    void check() {
        loaded = TopologyFile.load(file);
    }

    @Override
    Release release(FleetClient client, FleetTopology fleet, PrintStream out) {
        return new Release(file.toString(), loaded.topology(), loaded.json());
    }

    @Override
    void announce(Release release, PublishPlan plan, PrintStream out) {
        plan.revNote(release.what()).ifPresent(out::println);
        plan.repairNote().ifPresent(out::println);
    }
}
