package io.neuromesh.cli;

import io.neuromesh.cli.internal.Args;
import io.neuromesh.cli.internal.Command;
import io.neuromesh.cli.internal.CommandFailedException;
import io.neuromesh.cli.internal.Option;
import io.neuromesh.cli.internal.UsageException;
import io.neuromesh.cli.internal.command.BenchCommand;
import io.neuromesh.cli.internal.command.BrokerCommand;
import io.neuromesh.cli.internal.command.DemoCommand;
import io.neuromesh.cli.internal.command.EdgeCommand;
import io.neuromesh.cli.internal.command.FireCommand;
import io.neuromesh.cli.internal.command.GpioCommand;
import io.neuromesh.cli.internal.command.InspectCommand;
import io.neuromesh.cli.internal.command.LogsCommand;
import io.neuromesh.cli.internal.command.NodesCommand;
import io.neuromesh.cli.internal.command.flow.FlowCommand;
import io.neuromesh.cli.internal.command.flow.WorkerCommand;
import io.neuromesh.cli.internal.command.flow.WorkersCommand;
import io.neuromesh.cli.internal.command.SendCommand;
import io.neuromesh.cli.internal.command.TopologyCommand;
import io.neuromesh.cli.internal.command.WatchCommand;
import org.tinylog.configuration.Configuration;
import org.tinylog.jul.JulTinylogBridge;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The {@code neuromesh} command line. Exit codes: 0 success, 1 the command failed (one-line reason on stderr),
 * 2 the command line was wrong.
 *
 * @since 0.1
 */
public final class Main {

    private static final List<Command> COMMANDS = List.of(new DemoCommand(), new BrokerCommand(), new EdgeCommand(),
            new TopologyCommand(), new FireCommand(), new SendCommand(), new WatchCommand(), new LogsCommand(),
            new InspectCommand(), new GpioCommand(), new NodesCommand(), new WorkerCommand(), new WorkersCommand(),
            new FlowCommand(), new BenchCommand());
    /** Long-running services log their lifecycle at info; one-shot commands stay quiet unless --verbose. */
    private static final Set<String> SERVICES = Set.of("edge", "broker", "worker");

    private Main() {
    }

    public static void main(String[] argv) {
        System.exit(run(argv, System.out, System.err));
    }

    /** Runs one command line; returns the exit code. */
    public static int run(String[] argv, PrintStream out, PrintStream err) {
        List<String> args = new ArrayList<>(Arrays.asList(argv));
        boolean verbose = args.remove("--verbose");
        if (args.isEmpty() || args.get(0).equals("help") || args.get(0).equals("--help") || args.get(0).equals("-h")) {
            printOverview(out);
            return args.isEmpty() ? 2 : 0;
        }
        String name = args.remove(0);
        Command command = COMMANDS.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
        if (command == null) {
            err.println("neuromesh: unknown command '" + name + "'; see ./neuromesh --help");
            return 2;
        }
        if (args.contains("--help") || args.contains("-h")) {
            printHelp(command, out);
            return 0;
        }
        configureLogging(verbose ? "debug" : SERVICES.contains(name) ? "info" : "warn");
        try {
            return command.run(Args.parse(name, args, command.options()), out);
        } catch (UsageException e) {
            err.println("neuromesh " + name + ": " + e.getMessage() + "; see ./neuromesh " + name + " --help");
            return 2;
        } catch (CommandFailedException e) {
            err.println("neuromesh " + name + ": " + e.getMessage());
            return 1;
        } catch (Exception e) {
            err.println("neuromesh " + name + ": " + e);
            return 1;
        }
    }

    private static void configureLogging(String level) {
        if (!Configuration.isFrozen()) {
            Configuration.set("level@io.neuromesh", level);
        }
        // Paho logs through java.util.logging (a SEVERE stack trace for every dropped socket); route it to tinylog,
        // where its level is set.
        JulTinylogBridge.activate();
    }

    private static void printOverview(PrintStream out) {
        out.println("Neuromesh: a fleet of Raspberry Pis as one brain over MQTT");
        out.println();
        out.println("usage: ./neuromesh <command> [options]      (every command has --help)");
        out.println();
        out.printf("  %-10s %s%n", "test", "run the whole test suite (Maven)");
        for (Command command : COMMANDS) {
            out.printf("  %-10s %s%n", command.name(), command.summary());
        }
        out.println();
        out.println("global: --verbose  log debug details to stderr");
    }

    private static void printHelp(Command command, PrintStream out) {
        out.println("usage: ./neuromesh " + command.name() + " " + command.synopsis());
        out.println();
        out.println(command.summary());
        if (!command.options().isEmpty()) {
            out.println();
            for (Option option : command.options()) {
                String flag = "--" + option.name() + (option.valueName() == null ? "" : " " + option.valueName());
                out.printf("  %-24s %s%n", flag, option.description());
            }
        }
    }
}
