package io.neuromesh.cli.internal.command;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.neuromesh.cli.internal.CommandFailedException;
import io.neuromesh.cli.internal.fleet.RunningTopology;
import io.neuromesh.cli.internal.options.FleetQuery;
import io.neuromesh.cli.internal.options.IdConverter;
import io.neuromesh.cli.internal.options.JsonOption;
import io.neuromesh.edge.FleetTopology;
import io.neuromesh.edge.wire.InspectCodec;
import io.neuromesh.edge.wire.Inspection;
import io.neuromesh.edge.wire.WireVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

/**
 * {@code neuromesh inspect <neuron>}: the reference's {@code getConfig}. The state is shown as the JSON document of
 * the inspect reply (docs/wire.md), so the human output and {@code --json} are the same document.
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
        fleet.show((client, timeout) -> {
            FleetTopology now = client.topology(timeout);
            RunningTopology.requireNeuron(now, neuron, timeout);
            return client.inspect(neuron, timeout).map(InspectCommand::shown)
                    .orElseThrow(() -> new CommandFailedException(now.online().stream()
                            .filter(s -> s.neurons().contains(neuron)).findFirst()
                            .map(host -> "no answer from node " + host.node() + ", which hosts " + neuron + ", within "
                                    + RunningTopology.text(timeout))
                            .orElse("no online node hosts neuron '" + neuron + "'")));
        }, state -> state, (state, out) -> JsonOption.print(out, state));
        return 0;
    }

    private static JsonObject shown(Inspection inspection) {
        JsonObject json = JsonParser.parseString(new String(InspectCodec.encodeReply(inspection),
                StandardCharsets.UTF_8)).getAsJsonObject();
        json.remove(WireVersion.KEY); // the text shown is the reply as it was before versioning
        return json;
    }
}
