package io.neuromesh.cli.internal.command.topology;

import io.neuromesh.cli.internal.UsageException;
import io.neuromesh.cli.internal.fleet.RunningTopology;
import io.neuromesh.edge.FleetClient;
import io.neuromesh.edge.FleetTopology;
import io.neuromesh.topology.Topology;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;

/** {@code topology rollback [--to REV]}: republish a revision of the fleet's applied history under a new rev. */
@Command(name = "rollback", mixinStandardHelpOptions = true,
        description = {"bring back the network of an earlier revision from the fleet's applied history (kept on the"
                + " broker, so this works from any machine), published as rev = the fleet's rev + 1",
                "Without --to: the newest revision whose network differs from what the fleet runs."})
final class RollbackCommand extends PublishCommand {

    @Option(names = "--to", paramLabel = "REV", description = "the rev whose network to bring back (default: the"
            + " newest one that differs from what runs); ./neuromesh topology history lists them")
    private String to;
    private OptionalLong target;

    @Override
    void check() {
        target = rev(to);
    }

    @Override
    Release release(FleetClient client, FleetTopology fleet, PrintStream out) {
        RollbackChoice choice = RollbackChoice.choose(client.history(FleetClient.DEFAULT_TIMEOUT),
                RunningTopology.of(fleet, FleetClient.DEFAULT_TIMEOUT), target,
                revision -> client.revision(revision, FleetClient.DEFAULT_TIMEOUT));
        Topology network = choice.network();
        return new Release("the network of rev " + choice.from().rev(), network,
                network.toJson().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    void announce(Release release, PublishPlan plan, PrintStream out) {
        out.println("rolling back to " + release.what() + ", published as rev " + plan.topology().rev());
        plan.repairNote().ifPresent(out::println);
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
