package io.neuromesh.cli.internal.command;

import io.neuromesh.cli.internal.Args;
import io.neuromesh.cli.internal.Command;
import io.neuromesh.cli.internal.Option;
import io.neuromesh.cli.internal.UsageException;
import io.neuromesh.edge.EdgeConfig;
import io.neuromesh.edge.FleetClient;

import java.io.PrintStream;
import java.util.List;

/** {@code neuromesh send <neuron> --from <source> --value <v>}: one weighted input. */
public final class SendCommand implements Command {

    @Override
    public String name() {
        return "send";
    }

    @Override
    public String synopsis() {
        return "<neuron> --from <source> --value <v>";
    }

    @Override
    public String summary() {
        return "send an input to a neuron (as a sensor or upstream neuron would)";
    }

    @Override
    public List<Option> options() {
        return List.of(Option.value("from", "SOURCE", "the source id (a sensor or neuron with a synapse to it)"),
                Option.value("value", "V", "the input value, e.g. 1 or 0"), BROKER);
    }

    @Override
    public int run(Args args, PrintStream out) {
        String neuron = requireId(args.positional(0, "<neuron>"), "neuron");
        args.maxPositional(1);
        String from = requireId(args.required("from"), "--from");
        double value = args.doubleValue("value");
        try (FleetClient fleet = Connect.fleet(args)) {
            fleet.send(neuron, from, value);
        }
        out.println("sent " + from + " = " + args.required("value") + " to neuron/" + neuron);
        return 0;
    }

    static String requireId(String id, String what) {
        if (!EdgeConfig.ID.matcher(id).matches()) {
            throw new UsageException(what + " '" + id + "' must be 1-64 characters of A-Z a-z 0-9 _ -");
        }
        return id;
    }
}
