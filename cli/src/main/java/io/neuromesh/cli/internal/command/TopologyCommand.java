package io.neuromesh.cli.internal.command;

import io.neuromesh.cli.internal.Args;
import io.neuromesh.cli.internal.Command;
import io.neuromesh.cli.internal.CommandFailedException;
import io.neuromesh.cli.internal.Option;
import io.neuromesh.cli.internal.UsageException;
import io.neuromesh.edge.FleetClient;
import io.neuromesh.topology.Topology;
import io.neuromesh.topology.TopologyException;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** {@code neuromesh topology validate|apply <file>}. */
public final class TopologyCommand implements Command {

    private static final Duration DEFAULT_APPLY_TIMEOUT = Duration.ofSeconds(10);

    @Override
    public String name() {
        return "topology";
    }

    @Override
    public String synopsis() {
        return "validate|apply <file>";
    }

    @Override
    public String summary() {
        return "check a topology file, or check it and publish it (retained) to the fleet";
    }

    @Override
    public List<Option> options() {
        return List.of(Option.value("timeout", "DURATION", "apply: how long to wait for every online node (default 10s)"),
                Option.flag("no-wait", "apply: publish and exit without waiting for the nodes' results"), BROKER);
    }

    @Override
    public int run(Args args, PrintStream out) {
        String action = args.positional(0, "validate or apply");
        Path file = Path.of(args.positional(1, "<file>"));
        args.maxPositional(2);
        byte[] json = read(file);
        Topology topology = validate(file, json);
        return switch (action) {
            case "validate" -> {
                out.println(file + ": valid. " + describe(topology));
                yield 0;
            }
            case "apply" -> apply(args, out, file, json, topology);
            default -> throw new UsageException("unknown action '" + action + "'; use validate or apply");
        };
    }

    private int apply(Args args, PrintStream out, Path file, byte[] json, Topology topology) {
        try (FleetClient fleet = Connect.fleet(args)) {
            List<String> online = fleet.nodes().values().stream().filter(FleetClient.NodeStatus::online)
                    .map(FleetClient.NodeStatus::node).toList();
            fleet.publishTopology(json);
            out.println("published " + file + " (" + describe(topology) + ")");
            if (args.flag("no-wait")) {
                return 0;
            }
            if (online.isEmpty()) {
                out.println("no node is online yet; each node applies it when it starts");
                return 0;
            }
            Map<String, FleetClient.TopologyReport> reports = fleet.awaitTopologyReports(topology.rev(), online,
                    args.duration("timeout", DEFAULT_APPLY_TIMEOUT));
            boolean ok = true;
            for (String node : online) {
                FleetClient.TopologyReport report = reports.get(node);
                if (report == null) {
                    ok = false;
                    out.printf("  %-10s no answer%n", node);
                } else if (!"applied".equals(report.result())) {
                    ok = false;
                    out.printf("  %-10s %s%n", node, report.result());
                    report.errors().forEach(error -> out.println("             " + error));
                } else {
                    out.printf("  %-10s applied rev %d, hosting %s%n", node, report.rev(),
                            report.neurons().isEmpty() ? "no neurons" : String.join(" ", report.neurons()));
                }
            }
            if (!ok) {
                throw new CommandFailedException("rev " + topology.rev() + " is not running on every online node");
            }
            return 0;
        }
    }

    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new CommandFailedException(file + ": no such file");
        } catch (IOException e) {
            throw new CommandFailedException(file + ": cannot read (" + e.getMessage() + ")");
        }
    }

    static Topology validate(Path file, byte[] json) {
        try {
            return Topology.parse(json);
        } catch (TopologyException e) {
            StringBuilder message = new StringBuilder(file + ": " + e.errors().size() + " error(s)");
            e.errors().forEach(error -> message.append(System.lineSeparator()).append("  ").append(error));
            throw new CommandFailedException(message.toString());
        }
    }

    static String describe(Topology t) {
        return "rev " + t.rev() + ", " + t.neurons().size() + " neurons, " + t.synapses().size() + " synapses, "
                + t.sensors().size() + " sensors, " + t.actuators().size() + " actuators, hash " + t.shortHash();
    }
}
