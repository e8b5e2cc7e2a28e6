package io.neuromesh.cli.internal;

import java.io.PrintStream;
import java.util.List;

/** One {@code neuromesh <name>} command. */
public interface Command {

    /** The word users type. */
    String name();

    /** The synopsis after the name, e.g. {@code <neuron> --from <source> --value <v>}. */
    String synopsis();

    /** One line for the command list. */
    String summary();

    /** Options it accepts (besides {@code --help}). */
    List<Option> options();

    /** Runs it; returns the exit code. Failures are thrown as {@link CommandFailedException}/{@link UsageException}. */
    int run(Args args, PrintStream out) throws Exception;

    /** The option every command talking to a broker has. */
    Option BROKER = Option.value("broker", "URL", "broker address (default $NEUROMESH_BROKER or " + Args.DEFAULT_BROKER + ")");

    /** How long to wait for the fleet's answers. */
    Option TIMEOUT = Option.value("timeout", "DURATION", "how long to wait for answers, e.g. 3s (default 3s)");
}
