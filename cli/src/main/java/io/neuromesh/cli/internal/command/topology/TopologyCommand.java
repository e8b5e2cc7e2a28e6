package io.neuromesh.cli.internal.command.topology;

import io.neuromesh.cli.internal.history.TopologyHistory;
import picocli.CommandLine.Command;

/**
 * {@code neuromesh topology validate|apply|diff <file>}, {@code topology rollback [--to REV]} and
 * {@code topology history}. Applies and rollbacks that every online node applied are recorded in the local history,
 * which this parent command holds for its subcommands.
 */
@Command(name = "topology", mixinStandardHelpOptions = true,
        description = "check, publish (retained) or compare a topology file; roll back to an earlier accepted one",
        subcommands = {ValidateCommand.class, ApplyCommand.class, DiffCommand.class, RollbackCommand.class,
                HistoryCommand.class})
public final class TopologyCommand {

    private final TopologyHistory history;

    /** A command keeping its history under {@code $NEUROMESH_HOME} (default {@code ~/.neuromesh}). */
    public TopologyCommand() {
        this(TopologyHistory.atDefaultHome());
    }

    /** A command keeping its history in {@code history}. */
    public TopologyCommand(TopologyHistory history) {
        this.history = history;
    }

    TopologyHistory history() {
        return history;
    }
}
