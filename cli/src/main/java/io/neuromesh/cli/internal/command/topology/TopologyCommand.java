package io.neuromesh.cli.internal.command.topology;

import picocli.CommandLine.Command;

/**
 * {@code neuromesh topology validate|apply|diff <file>}, {@code topology rollback [--to REV]} and
 * {@code topology history}. The history is the fleet's, on the broker: every command works from any machine.
 */
@Command(name = "topology", mixinStandardHelpOptions = true,
        description = "check, publish (retained) or compare a topology file; list or roll back to what the fleet"
                + " applied",
        subcommands = {ValidateCommand.class, ApplyCommand.class, DiffCommand.class, RollbackCommand.class,
                HistoryCommand.class})
public final class TopologyCommand {
}
