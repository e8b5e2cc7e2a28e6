package io.neuromesh.cli.internal.command;

import io.neuromesh.cli.internal.options.FleetOptions;
import io.neuromesh.cli.internal.options.IdConverter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** {@code neuromesh fire <neuron>}: the reference's {@code fire()}. */
@Command(name = "fire", mixinStandardHelpOptions = true, description = {"force a neuron to fire now: its output"
        + " is 1 for its refractoryMs (default 100 ms), then a spike neuron rests (0) and a level neuron follows its"
        + " inputs again"})
public final class FireCommand implements Callable<Integer> {

    @Mixin
    private FleetOptions fleet;
    @Parameters(paramLabel = "<neuron>", converter = IdConverter.class, description = "the neuron's id")
    private String neuron;

    @Override
    public Integer call() {
        fleet.tell(client -> client.fire(neuron));
        fleet.out().println("fired neuron/" + neuron);
        return 0;
    }
}
