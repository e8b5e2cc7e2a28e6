package io.neuromesh.cli.internal.command.topology;

import io.neuromesh.cli.internal.NeuromeshCommand;
import io.neuromesh.cli.internal.fleet.RunningTopology;
import io.neuromesh.cli.internal.options.BrokerOptions;
import io.neuromesh.edge.FleetClient;
import io.neuromesh.edge.FleetTopology;
import io.neuromesh.topology.Topology;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.util.concurrent.Callable;

/**
 * What {@code topology apply} and {@code topology rollback} share: their options, and the steps check the command
 * line, connect, read what the fleet runs, choose the topology, decide its rev ({@link PublishPlan}) and publish it
 * through {@link Rollout}.
 */
abstract sealed class PublishCommand implements Callable<Integer> permits ApplyCommand, RollbackCommand {

    /**
     * A topology to publish.
     *
     * @param what     names it in the output, e.g. the file
     * @param topology the topology, with the rev it came with
     * @param json     its bytes, published as they are when its rev is newer than the fleet's
     */
    record Release(String what, Topology topology, byte[] json) {
    }

    @Spec
    private CommandSpec spec;
    @Mixin
    private BrokerOptions broker;
    @Mixin
    private RolloutOptions rollout;

    /** Checks what the command line names before anything connects; throws with the reason. */
    abstract void check();

    /** @return the topology to publish, chosen with what the fleet runs at hand */
    abstract Release release(FleetClient client, FleetTopology fleet, PrintStream out);

    /** Prints what is about to be published and why under that rev. */
    abstract void announce(Release release, PublishPlan plan, PrintStream out);

    @Override
    public final Integer call() {
        check();
        PrintStream out = NeuromeshCommand.out(spec);
        try (FleetClient client = broker.fleet()) {
            FleetTopology fleet = client.topology(FleetClient.DEFAULT_TIMEOUT);
            Release release = release(client, fleet, out);
            if (!fleet.missing().isEmpty()) {
                out.println("note: the document the nodes run did not arrive within "
                        + RunningTopology.text(FleetClient.DEFAULT_TIMEOUT) + "; publishing without comparing");
            }
            PublishPlan plan = PublishPlan.choose(release.topology(), release.json(), fleet);
            if (plan.alreadyRunning()) {
                out.println("already running rev " + plan.topology().rev() + " on "
                        + String.join(" ", fleet.onlineIds()));
                return 0;
            }
            announce(release, plan, out);
            Rollout.publish(client, rollout, out, release.what(), plan.topology(), plan.json());
        }
        return 0;
    }
}
