package io.neuromesh.cli.internal.command.topology;

import io.neuromesh.cli.internal.NeuromeshCommand;
import io.neuromesh.cli.internal.history.TopologyHistory;
import io.neuromesh.cli.internal.options.BrokerOptions;
import io.neuromesh.edge.FleetClient;
import io.neuromesh.topology.Topology;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * What {@code topology apply} and {@code topology rollback} share: their options, and the steps check the command
 * line, connect, choose the topology, publish it through {@link Rollout} and record it in the local history.
 */
abstract sealed class PublishCommand implements Callable<Integer> permits ApplyCommand, RollbackCommand {

    /**
     * A topology to publish.
     *
     * @param what   names it in the output, e.g. the file
     * @param json   the bytes published
     * @param source where the history says it came from
     */
    record Release(String what, Topology topology, byte[] json, String source) {
    }

    @Spec
    private CommandSpec spec;
    @ParentCommand
    private TopologyCommand parent;
    @Mixin
    private BrokerOptions broker;
    @Mixin
    private RolloutOptions rollout;

    /** Checks what the command line names before anything connects; throws with the reason. */
    abstract void check();

    /** @return the topology to publish, chosen with the fleet's current state at hand */
    abstract Release release(FleetClient fleet, TopologyHistory history, PrintStream out);

    @Override
    public final Integer call() {
        check();
        PrintStream out = NeuromeshCommand.out(spec);
        try (FleetClient fleet = broker.fleet()) {
            Release release = release(fleet, parent.history(), out);
            List<String> applied = Rollout.publish(fleet, rollout, out, release.what(), release.topology(),
                    release.json());
            Rollout.remember(parent.history(), out, release.topology(), release.json(), applied, release.source());
        }
        return 0;
    }
}
