package io.neuromesh.cli.internal.command;

import io.neuromesh.cli.internal.NeuromeshCommand;
import io.neuromesh.cli.internal.options.BrokerOptions;
import io.neuromesh.cli.internal.options.IdConverter;
import io.neuromesh.edge.FleetClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code neuromesh fire <neuron>}: the reference's {@code fire()}. */
@Command(name = "fire", mixinStandardHelpOptions = true, description = "force a neuron to fire now")
public final class FireCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;
    @Mixin
    private BrokerOptions broker;
    @Parameters(paramLabel = "<neuron>", converter = IdConverter.class, description = "the neuron's id")
    private String neuron;

    @Override
    public Integer call() {
        try (FleetClient fleet = broker.fleet()) {
            fleet.fire(neuron);
        }
        NeuromeshCommand.out(spec).println("fired neuron/" + neuron);
        return 0;
    }
}
