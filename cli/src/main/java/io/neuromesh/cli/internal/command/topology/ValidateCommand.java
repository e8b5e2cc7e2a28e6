package io.neuromesh.cli.internal.command.topology;

import com.google.gson.JsonObject;
import io.neuromesh.cli.internal.CommandFailedException;
import io.neuromesh.cli.internal.NeuromeshCommand;
import io.neuromesh.cli.internal.options.JsonOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code topology validate <file>}: check a topology file and summarise it; needs no broker. */
@Command(name = "validate", mixinStandardHelpOptions = true, description = "check a topology file and summarise it")
final class ValidateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;
    @Mixin
    private JsonOption json;
    @Parameters(paramLabel = "<file>", description = "the topology JSON file")
    private Path file;

    @Override
    public Integer call() {
        if (!json.enabled()) {
            TopologyFile loaded = TopologyFile.load(file);
            NeuromeshCommand.out(spec).println(file + ": valid. " + TopologyFile.describe(loaded.topology()));
            return 0;
        }
        JsonObject result = TopologyFile.validation(file, TopologyFile.read(file));
        JsonOption.print(NeuromeshCommand.out(spec), result);
        if (!result.get("valid").getAsBoolean()) {
            throw new CommandFailedException(file + ": " + result.getAsJsonArray("errors").size() + " error(s)");
        }
        return 0;
    }
}
