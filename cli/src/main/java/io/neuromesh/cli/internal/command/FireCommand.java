package io.neuromesh.cli.internal.command;

import io.neuromesh.cli.internal.fleet.RunningTopology;
import io.neuromesh.cli.internal.options.FleetOptions;
import io.neuromesh.cli.internal.options.IdConverter;
import io.neuromesh.edge.FleetClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** {@code neuromesh fire <neuron>}: the reference's {@code fire()}. */
@Command(name = "fire", mixinStandardHelpOptions = true,
        description = {"force a neuron to fire now: output 1 and a spike to each downstream neuron.",
                "On a level neuron: a pulse: output 1 for its refractoryMs (default 100 ms), then back to what its inputs"
                        + " say.",
                "A neuron the running topology does not have is refused (exit 1)."})
public final class FireCommand implements Callable<Integer> {

    @Mixin
    private FleetOptions fleet;
    @Parameters(paramLabel = "<neuron>", converter = IdConverter.class, description = "the neuron's id")
    private String neuron;

    @Override
    public Integer call() {
        fleet.tell(client -> {
            RunningTopology.requireNeuron(client.topology(FleetClient.DEFAULT_TIMEOUT), neuron,
                    FleetClient.DEFAULT_TIMEOUT);
            client.fire(neuron);
        });
        fleet.out().println("fired neuron/" + neuron);
        return 0;
    }
}
