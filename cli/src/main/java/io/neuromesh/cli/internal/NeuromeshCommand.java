package io.neuromesh.cli.internal;

import io.neuromesh.cli.internal.options.ConfigOption;
import io.neuromesh.cli.internal.options.VerboseOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.util.concurrent.Callable;

/**
 * {@code neuromesh}: the root of the command tree. It carries the streams every command prints to, so that tests
 * run the whole command line in-process; {@link #out(CommandSpec)} finds them from any command. Its commands are
 * registered by {@link Subcommands}, not in this annotation: some need jars the edge package leaves out.
 */
@Command(name = "neuromesh", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
        header = "Neuromesh: a fleet of Raspberry Pis as one brain over MQTT",
        synopsisHeading = "%nUsage: ", commandListHeading = "%nCommands (each has --help):%n",
        optionListHeading = "%nOptions:%n",
        footer = {"", "  test        run the whole test suite (Maven; the launcher runs it)",
                "  package     build the .deb packages and the tarball into dist/ (Maven; the launcher runs it)",
                "", "Exit codes: 0 success, 1 the command failed (one-line reason on stderr), 2 a wrong command line."})
public final class NeuromeshCommand implements Callable<Integer> {

    private final PrintStream out;
    private final PrintStream err;
    @Spec
    private CommandSpec spec;
    @Mixin
    private VerboseOption verbose;
    @Mixin
    private ConfigOption config;

    /** Prints to {@code out} and {@code err}. */
    public NeuromeshCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Without a command: the overview, and the usage exit code, since nothing was asked. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitCode.USAGE;
    }

    /** @return the stream results go to, for the command of {@code spec} */
    public static PrintStream out(CommandSpec spec) {
        return ((NeuromeshCommand) spec.root().userObject()).out;
    }

    /** @return the stream diagnostics go to, for the command of {@code spec} */
    public static PrintStream err(CommandSpec spec) {
        return ((NeuromeshCommand) spec.root().userObject()).err;
    }
}
