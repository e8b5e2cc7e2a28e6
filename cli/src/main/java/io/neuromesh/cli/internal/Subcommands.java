package io.neuromesh.cli.internal;

import io.neuromesh.cli.internal.command.BenchCommand;
import io.neuromesh.cli.internal.command.BrokerCommand;
import io.neuromesh.cli.internal.command.CompletionCommand;
import io.neuromesh.cli.internal.command.DashboardCommand;
import io.neuromesh.cli.internal.command.DemoCommand;
import io.neuromesh.cli.internal.command.EdgeCommand;
import io.neuromesh.cli.internal.command.FireCommand;
import io.neuromesh.cli.internal.command.GpioCommand;
import io.neuromesh.cli.internal.command.InspectCommand;
import io.neuromesh.cli.internal.command.LogsCommand;
import io.neuromesh.cli.internal.command.NodesCommand;
import io.neuromesh.cli.internal.command.SendCommand;
import io.neuromesh.cli.internal.command.WatchCommand;
import io.neuromesh.cli.internal.command.record.RecordCommand;
import io.neuromesh.cli.internal.command.record.ReplayCommand;
import io.neuromesh.cli.internal.command.certs.CertsCommand;
import io.neuromesh.cli.internal.command.config.ConfigCommand;
import io.neuromesh.cli.internal.command.flow.FlowCommand;
import io.neuromesh.cli.internal.command.flow.WorkerCommand;
import io.neuromesh.cli.internal.command.flow.WorkersCommand;
import io.neuromesh.cli.internal.command.join.JoinCommand;
import io.neuromesh.cli.internal.command.topology.TopologyCommand;
import io.neuromesh.cli.internal.command.user.UserCommand;
import picocli.CommandLine;
import picocli.CommandLine.HelpCommand;

import java.util.function.Supplier;

/**
 * The commands under {@code neuromesh}, in the order the overview lists them. Five need the broker's jars (HiveMQ,
 * BouncyCastle, the broker and bench modules), which the {@code neuromesh} package leaves to
 * {@code neuromesh-broker}: without those jars each is registered as a {@link MissingBrokerCommand} instead, and its
 * class is never loaded, since picocli reflecting over it would need the missing classes.
 */
final class Subcommands {

    /** A class of each jar the broker package brings; looked up as resources, so nothing is loaded. */
    private static final String[] BROKER_CLASSES = {"com/hivemq/embedded/EmbeddedHiveMQ.class",
            "io/neuromesh/broker/EmbeddedBroker.class", "io/neuromesh/bench/Bench.class"};

    private Subcommands() {
    }

    /** Adds every command to {@code root}, creating them with its factory. */
    static void register(CommandLine root) {
        boolean broker = brokerInstalled();
        // The class literals of the broker's commands sit in suppliers: a literal is resolved only when evaluated.
        add(root, broker, "demo", () -> DemoCommand.class);
        add(root, broker, "broker", () -> BrokerCommand.class);
        for (Class<?> command : new Class<?>[] {EdgeCommand.class, TopologyCommand.class, FireCommand.class,
                SendCommand.class, WatchCommand.class, LogsCommand.class, InspectCommand.class, GpioCommand.class,
                NodesCommand.class, DashboardCommand.class, WorkerCommand.class, WorkersCommand.class, FlowCommand.class,
                RecordCommand.class, ReplayCommand.class}) {
            root.addSubcommand(command);
        }
        add(root, broker, "user", () -> UserCommand.class);
        add(root, broker, "certs", () -> CertsCommand.class);
        root.addSubcommand(ConfigCommand.class);
        root.addSubcommand(JoinCommand.class);
        add(root, broker, "bench", () -> BenchCommand.class);
        root.addSubcommand(CompletionCommand.class);
        root.addSubcommand(HelpCommand.class);
    }

    /** @return whether the broker package's jars are on the classpath */
    static boolean brokerInstalled() {
        ClassLoader loader = Subcommands.class.getClassLoader();
        for (String resource : BROKER_CLASSES) {
            if (loader.getResource(resource) == null) {
                return false;
            }
        }
        return true;
    }

    private static void add(CommandLine root, boolean broker, String name, Supplier<Class<?>> command) {
        if (broker) {
            root.addSubcommand(name, command.get());
        } else {
            root.addSubcommand(name, new CommandLine(new MissingBrokerCommand(), root.getFactory()));
        }
    }
}
