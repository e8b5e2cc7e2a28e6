package io.neuromesh.cli.internal.command;

import io.neuromesh.cli.internal.UsageException;
import io.neuromesh.cli.internal.fleet.RunningTopology;
import io.neuromesh.cli.internal.options.FleetOptions;
import io.neuromesh.cli.internal.options.IdConverter;
import io.neuromesh.edge.FleetClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** {@code neuromesh send <neuron> --from <source> --value <v>}: one weighted input. */
@Command(name = "send", mixinStandardHelpOptions = true,
        description = {"send an input to a neuron (as a sensor or upstream neuron would)",
                "A neuron the running topology does not have is refused (exit 1)."})
public final class SendCommand implements Callable<Integer> {

    @Mixin
    private FleetOptions fleet;
    @Parameters(paramLabel = "<neuron>", converter = IdConverter.class, description = "the neuron's id")
    private String neuron;
    @Option(names = "--from", paramLabel = "SOURCE", required = true, converter = IdConverter.class,
            description = "the source id (a sensor or neuron with a synapse to it)")
    private String from;
    @Option(names = "--value", paramLabel = "V", required = true, description = "the input value, e.g. 1 or 0")
    private String value;

    @Override
    public Integer call() {
        double number = parse(value);
        fleet.tell(client -> {
            RunningTopology.requireNeuron(client.topology(FleetClient.DEFAULT_TIMEOUT), neuron,
                    FleetClient.DEFAULT_TIMEOUT);
            client.send(neuron, from, number);
        });
        fleet.out().println("sent " + from + " = " + value + " to neuron/" + neuron);
        return 0;
    }

    /** The value is echoed as typed, so it stays text until here. */
    private static double parse(String text) {
        try {
            double number = Double.parseDouble(text);
            if (Double.isFinite(number)) {
                return number;
            }
        } catch (NumberFormatException e) {
            // Reported below.
        }
        throw new UsageException("--value must be a finite number, got '" + text + "'");
    }
}
