package io.neuromesh.cli.internal.command;

import com.google.gson.JsonParser;
import io.neuromesh.cli.internal.CommandFailedException;
import io.neuromesh.cli.internal.options.FleetQuery;
import io.neuromesh.cli.internal.options.IdConverter;
import io.neuromesh.cli.internal.options.JsonOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/**
 * {@code neuromesh inspect <neuron>}: the reference's {@code getConfig}. The state is JSON already, so the human
 * output and {@code --json} are the same document.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "show a neuron's settings, inputs, output and counters as its host sees them")
public final class InspectCommand implements Callable<Integer> {

    /** {@code --json} is accepted like on every showing command; the state prints as JSON with or without it. */
    @Mixin
    private FleetQuery fleet;
    @Parameters(paramLabel = "<neuron>", converter = IdConverter.class, description = "the neuron's id")
    private String neuron;

    @Override
    public Integer call() {
        fleet.show((client, timeout) -> client.inspect(neuron, timeout)
                        .map(JsonParser::parseString)
                        .orElseThrow(() -> new CommandFailedException("no online node hosts neuron '" + neuron + "'")),
                state -> state, (state, out) -> JsonOption.print(out, state));
        return 0;
    }
}
