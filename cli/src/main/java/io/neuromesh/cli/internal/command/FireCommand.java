package io.neuromesh.cli.internal.command;

import io.neuromesh.cli.internal.Args;
import io.neuromesh.cli.internal.Command;
import io.neuromesh.cli.internal.Option;
import io.neuromesh.edge.FleetClient;

import java.io.PrintStream;
import java.util.List;

/** {@code neuromesh fire <neuron>}: the reference's {@code fire()}. */
public final class FireCommand implements Command {

    @Override
    public String name() {
        return "fire";
    }

    @Override
    public String synopsis() {
        return "<neuron>";
    }

    @Override
    public String summary() {
        return "force a neuron to fire now";
    }

    @Override
    public List<Option> options() {
        return List.of(BROKER);
    }

    @Override
    public int run(Args args, PrintStream out) {
        String neuron = SendCommand.requireId(args.positional(0, "<neuron>"), "neuron");
        args.maxPositional(1);
        try (FleetClient fleet = Connect.fleet(args)) {
            fleet.fire(neuron);
        }
        out.println("fired neuron/" + neuron);
        return 0;
    }
}
