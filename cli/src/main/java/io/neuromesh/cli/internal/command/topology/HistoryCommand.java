package io.neuromesh.cli.internal.command.topology;

import io.neuromesh.cli.internal.NeuromeshCommand;
import io.neuromesh.cli.internal.history.HistoryEntry;
import io.neuromesh.cli.internal.options.JsonOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code topology history}: the topologies the whole online fleet applied, newest first; needs no broker. */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = "list the local history of topologies every online node applied, newest first")
final class HistoryCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;
    @ParentCommand
    private TopologyCommand parent;
    @Mixin
    private JsonOption json;

    @Override
    public Integer call() {
        PrintStream out = NeuromeshCommand.out(spec);
        List<HistoryEntry> entries = parent.history().entries();
        if (json.enabled()) {
            JsonOption.print(out, HistoryTable.json(entries));
        } else if (entries.isEmpty()) {
            out.println("no topology recorded yet in " + parent.history().directory()
                    + "; each topology apply or rollback that every online node applied is recorded there");
        } else {
            HistoryTable.lines(entries, ZoneId.systemDefault()).forEach(out::println);
        }
        return 0;
    }
}
