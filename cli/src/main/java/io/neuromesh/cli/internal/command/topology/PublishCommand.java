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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

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

    /**
     * Checks what the command line names; throws with the reason. The connect runs meanwhile on a thread of its own;
     * a failed check is reported at once, before any error of the broker's, and nothing is published.
     */
    abstract void check();

    /** @return the topology to publish, chosen with what the fleet runs at hand */
    abstract Release release(FleetClient client, FleetTopology fleet, PrintStream out);

    /** Prints what is about to be published and why under that rev. */
    abstract void announce(Release release, PublishPlan plan, PrintStream out);

    @Override
    public final Integer call() {
        PrintStream out = NeuromeshCommand.out(spec);
        // Connecting and reading what the fleet runs (which parses the broker's copy of the document) go on beside
        // the check (for apply: reading and parsing the file), about a second each for 100,000 neurons. A failed
        // check is reported at once, as before anything connected; the connection is closed whenever it comes.
        CompletableFuture<Connected> connecting = CompletableFuture.supplyAsync(this::connect);
        try {
            check();
        } catch (RuntimeException e) {
            connecting.thenAccept(connected -> connected.client().close());
            throw e;
        }
        Connected connected = await(connecting);
        try (FleetClient client = connected.client()) {
            FleetTopology fleet = connected.fleet();
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

    private record Connected(FleetClient client, FleetTopology fleet) {
    }

    /** Connects and reads what the fleet runs, the broker's copy of the document parsed. */
    private Connected connect() {
        FleetClient client = broker.fleet();
        try {
            FleetTopology fleet = client.topology(FleetClient.DEFAULT_TIMEOUT);
            fleet.running();
            return new Connected(client, fleet);
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
    }

    /** @return what the connect returned; throws what it threw */
    private static Connected await(CompletableFuture<Connected> connecting) {
        try {
            return connecting.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
