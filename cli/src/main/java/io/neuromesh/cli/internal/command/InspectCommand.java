package io.neuromesh.cli.internal.command;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.neuromesh.cli.internal.Args;
import io.neuromesh.cli.internal.Command;
import io.neuromesh.cli.internal.CommandFailedException;
import io.neuromesh.cli.internal.Option;
import io.neuromesh.edge.FleetClient;
import io.neuromesh.edge.wire.InspectCodec;
import io.neuromesh.edge.wire.Inspection;
import io.neuromesh.edge.wire.WireVersion;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** {@code neuromesh inspect <neuron>}: the reference's {@code getConfig}. */
public final class InspectCommand implements Command {

    @Override
    public String name() {
        return "inspect";
    }

    @Override
    public String synopsis() {
        return "<neuron>";
    }

    @Override
    public String summary() {
        return "show a neuron's settings, inputs, output and counters as its host sees them";
    }

    @Override
    public List<Option> options() {
        return List.of(BROKER, TIMEOUT);
    }

    @Override
    public int run(Args args, PrintStream out) {
        String neuron = SendCommand.requireId(args.positional(0, "<neuron>"), "neuron");
        args.maxPositional(1);
        try (FleetClient fleet = Connect.fleet(args)) {
            Optional<Inspection> state = fleet.inspect(neuron, args.duration("timeout", FleetClient.DEFAULT_TIMEOUT));
            if (state.isEmpty()) {
                throw new CommandFailedException("no online node hosts neuron '" + neuron + "'");
            }
            JsonObject json = JsonParser.parseString(new String(InspectCodec.encodeReply(state.get()),
                    StandardCharsets.UTF_8)).getAsJsonObject();
            json.remove(WireVersion.KEY); // the text shown is the reply as it was before versioning
            out.println(new GsonBuilder().setPrettyPrinting().create().toJson(json));
        }
        return 0;
    }
}
