package io.neuromesh.cli.internal.command.topology;

import io.neuromesh.cli.internal.options.FleetQuery;
import io.neuromesh.edge.FleetTopology;
import io.neuromesh.edge.Topics;
import io.neuromesh.edge.wire.AppliedHistory;
import io.neuromesh.edge.wire.NodeStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code topology history}: the revisions the whole online fleet applied, newest first, as the broker keeps them. */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = "list the revisions every online node applied, newest first, from the fleet's history on the"
                + " broker (" + Topics.TOPOLOGY_HISTORY + "); * marks the one the fleet runs")
final class HistoryCommand implements Callable<Integer> {

    @Mixin
    private FleetQuery fleet;

    /** The history, and the hash the online nodes all run ("" when they do not run one together). */
    record Answer(AppliedHistory history, String running) {
    }

    @Override
    public Integer call() {
        fleet.show((client, timeout) -> {
            AppliedHistory history = client.history(timeout);
            // Only the statuses matter here: which hash every online node runs.
            FleetTopology now = new FleetTopology(client.nodes(), Optional.empty(), Optional.empty(), Map.of());
            return new Answer(history, now.disagrees() ? "" : now.leader().map(NodeStatus::hash).orElse(""));
        }, answer -> HistoryTable.json(answer.history(), answer.running()), (answer, out) -> {
            if (answer.history().revisions().isEmpty()) {
                out.println("the fleet has applied no topology yet: " + Topics.TOPOLOGY_HISTORY + " is empty (each"
                        + " revision every online node runs is recorded there)");
            } else {
                HistoryTable.lines(answer.history(), answer.running(), ZoneId.systemDefault()).forEach(out::println);
            }
        });
        return 0;
    }
}
