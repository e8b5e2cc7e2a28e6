package io.neuromesh.cli.internal.command;

import io.neuromesh.cli.internal.Args;
import io.neuromesh.cli.internal.Command;
import io.neuromesh.cli.internal.CommandFailedException;
import io.neuromesh.cli.internal.Option;
import io.neuromesh.cli.internal.UsageException;
import io.neuromesh.cli.internal.history.HistoryEntry;
import io.neuromesh.cli.internal.history.RollbackPlan;
import io.neuromesh.cli.internal.history.TopologyHistory;
import io.neuromesh.edge.FleetClient;
import io.neuromesh.edge.wire.NodeStatus;
import io.neuromesh.topology.Topology;
import io.neuromesh.topology.TopologyException;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code neuromesh topology validate|apply|diff <file>}, {@code topology rollback [--to REV]} and
 * {@code topology history}. Applies and rollbacks that every online node applied are recorded in the local history.
 */
public final class TopologyCommand implements Command {

    private static final Option TO = Option.value("to", "REV", "rollback: the rev to bring back (default: the"
            + " previous one); it is published as rev = running rev + 1, since runtimes only accept newer revs");

    private final TopologyHistory history;

    /** A command keeping its history under {@code $NEUROMESH_HOME} (default {@code ~/.neuromesh}). */
    public TopologyCommand() {
        this(TopologyHistory.atDefaultHome());
    }

    /** A command keeping its history in {@code history}. */
    public TopologyCommand(TopologyHistory history) {
        this.history = history;
    }

    @Override
    public String name() {
        return "topology";
    }

    @Override
    public String synopsis() {
        return "validate|apply|diff <file> | rollback [--to REV] | history";
    }

    @Override
    public String summary() {
        return "check, publish (retained) or compare a topology file; roll back to an earlier accepted one";
    }

    @Override
    public List<Option> options() {
        return List.of(Rollout.TIMEOUT, Rollout.NO_WAIT, TO, BROKER);
    }

    @Override
    public int run(Args args, PrintStream out) {
        String action = args.positional(0, "an action: validate, apply, diff, rollback or history");
        switch (action) {
            case "validate", "apply", "diff" -> {
                Path file = Path.of(args.positional(1, "<file>"));
                args.maxPositional(2);
                byte[] json = read(file);
                Topology topology = validate(file, json);
                switch (action) {
                    case "validate" -> out.println(file + ": valid. " + describe(topology));
                    case "apply" -> apply(args, out, file, json, topology);
                    default -> diff(args, out, topology);
                }
            }
            case "rollback" -> {
                args.maxPositional(1);
                rollback(args, out);
            }
            case "history" -> {
                args.maxPositional(1);
                history(out);
            }
            default -> throw new UsageException("unknown action '" + action
                    + "'; use validate, apply, diff, rollback or history");
        }
        return 0;
    }

    private void apply(Args args, PrintStream out, Path file, byte[] json, Topology topology) {
        try (FleetClient fleet = Connect.fleet(args)) {
            List<String> applied = Rollout.publish(fleet, args, out, file.toString(), topology, json);
            remember(out, topology, json, applied, file.toAbsolutePath().normalize().toString());
        }
    }

    private void diff(Args args, PrintStream out, Topology next) {
        try (FleetClient fleet = Connect.fleet(args)) {
            Optional<byte[]> retained = fleet.currentTopology(args.duration(Rollout.TIMEOUT.name(),
                    FleetClient.DEFAULT_TIMEOUT));
            TopologyDiffReport.lines(running(retained, out), next).forEach(out::println);
        }
    }

    private void rollback(Args args, PrintStream out) {
        OptionalLong to = rev(args);
        try (FleetClient fleet = Connect.fleet(args)) {
            Topology running = running(fleet.currentTopology(FleetClient.DEFAULT_TIMEOUT), out);
            long fleetRev = fleet.nodes().values().stream().mapToLong(NodeStatus::rev).max().orElse(0);
            RollbackPlan plan = RollbackPlan.choose(history, running, fleetRev, to);
            HistoryEntry from = plan.from();
            out.println("rolling back to rev " + from.rev() + " (" + from.source() + ", hash " + from.shortHash()
                    + "), published as rev " + plan.topology().rev()
                    + ": runtimes only accept a rev newer than the one they run");
            byte[] json = plan.topology().toJson().getBytes(StandardCharsets.UTF_8);
            List<String> applied = Rollout.publish(fleet, args, out, "the network of rev " + from.rev(),
                    plan.topology(), json);
            remember(out, plan.topology(), json, applied, "rollback to rev " + from.rev());
        }
    }

    private void history(PrintStream out) {
        List<HistoryEntry> entries = history.entries();
        if (entries.isEmpty()) {
            out.println("no topology recorded yet in " + history.directory()
                    + "; each topology apply or rollback that every online node applied is recorded there");
            return;
        }
        HistoryTable.lines(entries, ZoneId.systemDefault()).forEach(out::println);
    }

    /** Records a topology every online node applied; a history that cannot be written does not undo the apply. */
    private void remember(PrintStream out, Topology topology, byte[] json, List<String> applied, String source) {
        if (applied.isEmpty()) {
            return;
        }
        try {
            out.println("recorded in the local history: " + history.record(topology, json, applied, source,
                    Instant.now()).file());
        } catch (CommandFailedException e) {
            out.println("warning: " + e.getMessage());
        }
    }

    /** The retained topology, or null when none is retained or it is not valid (then it says so). */
    private static Topology running(Optional<byte[]> retained, PrintStream out) {
        if (retained.isEmpty()) {
            return null;
        }
        try {
            return Topology.parse(retained.get());
        } catch (TopologyException e) {
            out.println("note: the topology retained on the broker is not valid (" + e.errors().get(0)
                    + "); treating it as none");
            return null;
        }
    }

    private static OptionalLong rev(Args args) {
        String text = args.value(TO.name(), null);
        if (text == null) {
            return OptionalLong.empty();
        }
        long rev;
        try {
            rev = Long.parseLong(text);
        } catch (NumberFormatException e) {
            rev = 0;
        }
        if (rev < 1 || rev > Topology.MAX_REV) {
            throw new UsageException("--to must be a rev from 1 to " + Topology.MAX_REV + ", got '" + text + "'");
        }
        return OptionalLong.of(rev);
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
