package io.neuromesh.cli.internal;

import io.neuromesh.cli.internal.options.DurationConverter;
import io.neuromesh.cli.internal.config.ConfigFileException;
import io.neuromesh.cli.internal.config.Environment;
import io.neuromesh.cli.internal.config.LayeredDefaults;
import io.neuromesh.cli.internal.options.VerboseOption;
import io.neuromesh.mqtt.MqttLinkException;
import org.tinylog.configuration.Configuration;
import org.tinylog.jul.JulTinylogBridge;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Set;

/**
 * Builds the {@code neuromesh} command line and runs it: parsing, help, suggestions for mistyped commands and
 * options, logging levels, and the mapping of failures to exit codes and one-line messages.
 */
public final class Cli {

    /** Long-running services log their lifecycle at info; one-shot commands stay quiet unless --verbose. */
    private static final Set<String> SERVICES = Set.of("edge", "broker", "worker");
    private static final int HELP_WIDTH = 110;

    private Cli() {
    }

    /**
     * Runs one command line.
     *
     * @param factory creates the command objects; tests pass one that injects their own (a history folder, say)
     * @return the exit code, one of {@link ExitCode}
     */
    public static int run(String[] argv, PrintStream out, PrintStream err, IFactory factory) {
        return run(argv, out, err, factory, Environment.current());
    }

    /**
     * Runs one command line with the given environment variables and default config file.
     *
     * @return the exit code, one of {@link ExitCode}
     */
    public static int run(String[] argv, PrintStream out, PrintStream err, IFactory factory, Environment environment) {
        return create(out, err, factory, environment).execute(argv);
    }

    /** @return the command tree, configured, printing to {@code out} and {@code err} */
    public static CommandLine create(PrintStream out, PrintStream err, IFactory factory) {
        return create(out, err, factory, Environment.current());
    }

    /**
     * @param environment where options not on the command line come from: the variables and the config file
     * @return the command tree, configured, printing to {@code out} and {@code err}
     */
    public static CommandLine create(PrintStream out, PrintStream err, IFactory factory, Environment environment) {
        CommandLine commandLine = new CommandLine(new NeuromeshCommand(out, err), factory);
        // Converters and the default provider reach the subcommands present when they are set: register first.
        Subcommands.register(commandLine);
        withConversions(commandLine);
        commandLine.setDefaultValueProvider(new LayeredDefaults(environment));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setUsageHelpWidth(HELP_WIDTH);
        commandLine.setParameterExceptionHandler(Cli::usageError);
        commandLine.setExecutionExceptionHandler((e, failed, parsed) -> failure(e, failed));
        commandLine.setExecutionStrategy(parsed -> {
            configureLogging(parsed);
            return new CommandLine.RunLast().execute(parsed);
        });
        return commandLine;
    }

    /**
     * Sets how option values are read, on {@code commandLine} and the commands added to it later: durations as
     * {@link DurationConverter} writes them, enums in any case.
     *
     * @return {@code commandLine}
     */
    public static CommandLine withConversions(CommandLine commandLine) {
        commandLine.registerConverter(Duration.class, new DurationConverter());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        return commandLine;
    }

    private static int usageError(ParameterException e, String[] argv) {
        CommandLine failed = e.getCommandLine();
        PrintWriter err = failed.getErr();
        String path = failed.getCommandSpec().qualifiedName(" ");
        if (e.getCause() instanceof ConfigFileException config) {
            // Not the command line's fault: say where the bad setting is, not how to type the command.
            err.println(path + ": " + config.getMessage());
            return ExitCode.USAGE;
        }
        boolean unknownCommand = e instanceof UnmatchedArgumentException unmatched && failed.getParent() == null
                && !unmatched.getUnmatched().isEmpty() && !unmatched.getUnmatched().get(0).startsWith("-");
        if (unknownCommand) {
            err.println("neuromesh: unknown command '" + ((UnmatchedArgumentException) e).getUnmatched().get(0)
                    + "'; see ./neuromesh --help");
        } else {
            err.println(path + ": " + e.getMessage() + "; see ./" + path + " --help");
        }
        UnmatchedArgumentException.printSuggestions(e, err);
        return ExitCode.USAGE;
    }

    private static int failure(Exception e, CommandLine failed) {
        PrintWriter err = failed.getErr();
        if (e instanceof ConfigFileException) {
            err.println(failed.getCommandSpec().qualifiedName(" ") + ": " + e.getMessage());
            return ExitCode.USAGE;
        }
        if (e instanceof UsageException) {
            String path = failed.getCommandSpec().qualifiedName(" ");
            err.println(path + ": " + e.getMessage() + "; see ./" + path + " --help");
            return ExitCode.USAGE;
        }
        err.println(topLevel(failed).getCommandSpec().qualifiedName(" ") + ": "
                + (e instanceof CommandFailedException || e instanceof MqttLinkException
                || e instanceof IllegalStateException ? e.getMessage() : e.toString()));
        return ExitCode.FAILED;
    }

    /** The command under the root ({@code topology} for {@code topology apply}), which failure lines name. */
    private static CommandLine topLevel(CommandLine command) {
        CommandLine current = command;
        while (current.getParent() != null && current.getParent().getParent() != null) {
            current = current.getParent();
        }
        return current;
    }

    private static void configureLogging(ParseResult parsed) {
        boolean verbose = false;
        for (ParseResult level = parsed; level != null; level = level.subcommand()) {
            verbose |= level.hasMatchedOption(VerboseOption.NAME);
        }
        // Or set in the environment or the config file: then picocli gave the root's option that value.
        verbose |= Boolean.TRUE.equals(parsed.commandSpec().findOption(VerboseOption.NAME).getValue());
        String command = parsed.subcommand() == null ? "" : parsed.subcommand().commandSpec().name();
        String level = verbose ? "debug" : SERVICES.contains(command) ? "info" : "warn";
        if (!Configuration.isFrozen()) {
            Configuration.set("level@io.neuromesh", level);
        }
        // Paho logs through java.util.logging (a SEVERE stack trace for every dropped socket); route it to tinylog,
        // where its level is set.
        JulTinylogBridge.activate();
    }
}
