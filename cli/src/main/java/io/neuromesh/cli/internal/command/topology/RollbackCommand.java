package io.neuromesh.cli.internal.command.topology;

import io.neuromesh.cli.internal.UsageException;
import io.neuromesh.cli.internal.history.HistoryEntry;
import io.neuromesh.cli.internal.history.RollbackPlan;
import io.neuromesh.cli.internal.history.TopologyHistory;
import io.neuromesh.edge.FleetClient;
import io.neuromesh.topology.Topology;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;

/** {@code topology rollback [--to REV]}: republish an earlier revision of the local history under a new rev. */
@Command(name = "rollback", mixinStandardHelpOptions = true,
        description = "republish an earlier accepted topology from the local history, as rev = running rev + 1")
final class RollbackCommand extends PublishCommand {

    @Option(names = "--to", paramLabel = "REV", description = "the rev to bring back (default: the previous one); it"
            + " is published as rev = running rev + 1, since runtimes only accept newer revs")
    private String to;
    private OptionalLong target;

    @Override
    void check() {
        target = rev(to);
    }

    @Override
    Release release(FleetClient fleet, TopologyHistory history, PrintStream out) {
        Topology running = Rollout.running(fleet.currentTopology(FleetClient.DEFAULT_TIMEOUT), out);
        RollbackPlan plan = RollbackPlan.choose(history, running, Rollout.fleetRev(fleet), target);
        HistoryEntry from = plan.from();
        out.println("rolling back to rev " + from.rev() + " (" + from.source() + ", hash " + from.shortHash()
                + "), published as rev " + plan.topology().rev()
                + ": runtimes only accept a rev newer than the one they run");
        return new Release("the network of rev " + from.rev(), plan.topology(),
                plan.topology().toJson().getBytes(StandardCharsets.UTF_8), "rollback to rev " + from.rev());
    }

    /** The rev is checked here rather than typed as a number, so that the message names the valid range. */
    static OptionalLong rev(String text) {
        if (text == null) {
            return OptionalLong.empty();
        }
        long rev;
        try {
            rev = Long.parseLong(text);
        } catch (NumberFormatException e) {
            rev = 0;
        }
        if (rev < 1 || rev > Topology.MAX_REV) {
            throw new UsageException("--to must be a rev from 1 to " + Topology.MAX_REV + ", got '" + text + "'");
        }
        return OptionalLong.of(rev);
    }
}
