package io.neuromesh.cli.internal.options;

import io.neuromesh.cli.internal.NeuromeshCommand;
import io.neuromesh.edge.FleetClient;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What every command that talks to the fleet shares: {@code --broker}, the stream it prints to, and one call that
 * opens the fleet client, uses it and closes it. {@link FleetView} adds {@code --json}, {@link FleetQuery} also
 * {@code --timeout}; they extend this class rather than nest it, since picocli gives a nested mixin the outer mixin,
 * not the command, as its {@code MIXEE}.
 */
public class FleetOptions {

    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;
    @Mixin
    private BrokerOptions broker;

    /** @return how the command reaches the broker */
    public final BrokerOptions broker() {
        return broker;
    }

    /** @return the stream the command's results go to */
    public final PrintStream out() {
        return NeuromeshCommand.out(spec);
    }

    /** @return the command's error stream */
    public final PrintStream err() {
        return NeuromeshCommand.err(spec);
    }

    /**
     * Connects, asks, and disconnects.
     *
     * @return what {@code question} returned
     * @throws io.neuromesh.cli.internal.CommandFailedException when the broker cannot be reached
     */
    public final <T> T ask(Function<FleetClient, T> question) {
        try (FleetClient fleet = broker.fleet()) {
            return question.apply(fleet);
        }
    }

    /**
     * Connects, does {@code action}, and disconnects.
     *
     * @throws io.neuromesh.cli.internal.CommandFailedException when the broker cannot be reached
     */
    public final void tell(Consumer<FleetClient> action) {
        try (FleetClient fleet = broker.fleet()) {
            action.accept(fleet);
        }
    }
}
