package io.neuromesh.cli.internal.command;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.neuromesh.cli.internal.CommandFailedException;
import io.neuromesh.cli.internal.NeuromeshCommand;
import io.neuromesh.cli.internal.options.BrokerOptions;
import io.neuromesh.cli.internal.options.IdConverter;
import io.neuromesh.cli.internal.options.JsonOption;
import io.neuromesh.cli.internal.options.TimeoutOption;
import io.neuromesh.edge.FleetClient;
import io.neuromesh.edge.wire.InspectCodec;
import io.neuromesh.edge.wire.Inspection;
import io.neuromesh.edge.wire.WireVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code neuromesh inspect <neuron>}: the reference's {@code getConfig}. The state is JSON already, so the human
 * output and {@code --json} are the same document.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "show a neuron's settings, inputs, output and counters as its host sees them")
public final class InspectCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;
    @Mixin
    private BrokerOptions broker;
    @Mixin
    private TimeoutOption timeout;
    /** Accepted like on every showing command; the state prints as JSON with or without it. */
    @Mixin
    private JsonOption json;
    @Parameters(paramLabel = "<neuron>", converter = IdConverter.class, description = "the neuron's id")
    private String neuron;

    @Override
    public Integer call() {
        try (FleetClient fleet = broker.fleet()) {
            Optional<Inspection> state = fleet.inspect(neuron, timeout.get());
            if (state.isEmpty()) {
                throw new CommandFailedException("no online node hosts neuron '" + neuron + "'");
            }
            JsonObject shown = JsonParser.parseString(new String(InspectCodec.encodeReply(state.get()),
                    StandardCharsets.UTF_8)).getAsJsonObject();
            shown.remove(WireVersion.KEY); // the text shown is the reply as it was before versioning
            JsonOption.print(NeuromeshCommand.out(spec), shown);
        }
        return 0;
    }
}
