package io.neuromesh.cli.internal.command.record;

import com.google.gson.JsonObject;
import io.neuromesh.cli.internal.CommandFailedException;
import io.neuromesh.cli.internal.UsageException;
import io.neuromesh.cli.internal.command.topology.TopologyFile;
import io.neuromesh.cli.internal.options.FleetView;
import io.neuromesh.cli.internal.options.JsonOption;
import io.neuromesh.edge.FleetClient;
import io.neuromesh.edge.Replay;
import io.neuromesh.edge.wire.AppliedHistory;
import io.neuromesh.topology.Topology;
import io.neuromesh.topology.TopologyIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code neuromesh replay FILE [--topology FILE | --rev N]}: a recording through a topology, off the broker. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"run a recording of ./neuromesh record through a discrete-time topology (tickMs) in this"
                + " process, off the broker, faster than real time, and print the outputs per tick",
                "Without --topology: the recording's rev (or --rev N) from the fleet's applied history on the broker.",
                "Against the rev the fleet ran, the outputs are the fleet's: the last line says whether they match."})
public final class ReplayCommand implements Callable<Integer> {

    /** Why a replay of the recorded rev can differ: what the fleet did that the recording does not show. */
    private static final String LATE = " (an input that reached its node late, or a tick that timed out, is applied"
            + " in another tick on the fleet: the nodes log both)";

    /** Source -> neuron pairs named when inputs have no synapse; beyond that, "...". */
    private static final int SHOWN_PAIRS = 5;

    @Mixin
    private FleetView fleet;
    @Option(names = "--topology", paramLabel = "FILE", description = "the topology to replay through (a file)")
    private Path topologyFile;
    @Option(names = "--rev", paramLabel = "N", description = "the rev to replay through, from the fleet's applied"
            + " history (default: the rev the recording was made with)")
    private Long rev;
    @Parameters(paramLabel = "FILE", description = "a recording of ./neuromesh record")
    private Path file;

    @Override
    public Integer call() {
        if (topologyFile != null && rev != null) {
            throw new UsageException("give --topology FILE or --rev N, not both");
        }
        Recording recording = Recording.read(file);
        Topology topology = topologyFile != null ? TopologyFile.load(topologyFile).topology()
                : fromHistory(rev == null ? recording.rev() : rev);
        if (!topology.isTicked()) {
            throw new CommandFailedException("rev " + topology.rev() + " has no tickMs: only a discrete-time topology"
                    + " replays tick by tick (add \"tickMs\": 50, say)");
        }
        List<Replay.TickOutput> outputs = Replay.run(topology, recording.start(), recording.steps());
        PrintStream out = fleet.out();
        long tickMs = topology.tick().toMillis();
        for (Map.Entry<Long, Map<String, Integer>> tick : byTick(outputs).entrySet()) {
            Instant at = Instant.ofEpochMilli(tick.getKey() * tickMs);
            if (fleet.json()) {
                JsonObject line = new JsonObject();
                line.addProperty("tick", tick.getKey());
                line.addProperty("at", at.toString());
                JsonObject values = new JsonObject();
                tick.getValue().forEach(values::addProperty);
                line.add("outputs", values);
                JsonOption.printLine(out, line);
            } else {
                StringBuilder text = new StringBuilder("tick " + tick.getKey() + "  " + at);
                tick.getValue().forEach((neuron, value) -> text.append("  ").append(neuron).append('=').append(value));
                out.println(text);
            }
        }
        if (!fleet.json()) {
            out.println("replayed " + recording.steps().size() + " input(s) through rev " + topology.rev() + " (tickMs "
                    + tickMs + "): " + outputs.size() + " output change(s) in " + byTick(outputs).size() + " tick(s)");
            String ignored = ignored(recording.steps(), topology);
            if (!ignored.isEmpty()) {
                out.println(ignored);
            }
            out.println(comparison(recording, topology, outputs));
        }
        return 0;
    }

    /**
     * The recorded inputs this topology has no synapse for (a recording of another network's sensors, say), which the
     * replay drops as a node would: {@code 2 of the 2 input(s) have no synapse in rev 1 and change nothing: button_x
     * -> x, button_y -> y}; empty when there are none. Without it, such a replay printed no output and no reason.
     */
    static String ignored(List<Replay.Step> steps, Topology topology) {
        TopologyIndex index = topology.index();
        List<String> pairs = steps.stream()
                .filter(step -> !step.input().fire() && index.synapse(step.input().from(), step.to()).isEmpty())
                .map(step -> step.input().from() + " -> " + step.to()).toList();
        if (pairs.isEmpty()) {
            return "";
        }
        List<String> distinct = pairs.stream().distinct().toList();
        return pairs.size() + " of the " + steps.size() + " input(s) have no synapse in rev " + topology.rev()
                + " and change nothing: " + String.join(", ", distinct.subList(0, Math.min(SHOWN_PAIRS,
                distinct.size()))) + (distinct.size() > SHOWN_PAIRS ? ", ..." : "");
    }

    private Topology fromHistory(long wanted) {
        return fleet.ask(client -> {
            AppliedHistory history = client.history(FleetClient.DEFAULT_TIMEOUT);
            AppliedHistory.Revision revision = history.find(wanted).orElseThrow(() -> new CommandFailedException(
                    "rev " + wanted + " is not in the fleet's applied history ("
                            + history.revisions().stream().map(r -> Long.toString(r.rev())).toList()
                            + "); give the topology with --topology FILE"));
            return client.revision(revision, FleetClient.DEFAULT_TIMEOUT);
        });
    }

    private static Map<Long, Map<String, Integer>> byTick(List<Replay.TickOutput> outputs) {
        Map<Long, Map<String, Integer>> ticks = new LinkedHashMap<>();
        outputs.forEach(o -> ticks.computeIfAbsent(o.tick(), t -> new LinkedHashMap<>()).put(o.neuron(), o.value()));
        return ticks;
    }

    /** Whether the replay gave what the fleet published (only meaningful against the rev the fleet ran). */
    private static String comparison(Recording recording, Topology topology, List<Replay.TickOutput> outputs) {
        if (!topology.contentHash().equals(recording.hash())) {
            return "the recording was made with rev " + recording.rev() + " (another network): nothing to compare with";
        }
        List<Replay.TickOutput> fleet = new ArrayList<>(recording.outputs());
        fleet.sort(Comparator.comparingLong(Replay.TickOutput::tick).thenComparing(Replay.TickOutput::neuron));
        // The recording stops at a moment, the replay runs every started tick to its end: compare up to the fleet's last.
        long last = fleet.isEmpty() ? Long.MIN_VALUE : fleet.getLast().tick();
        List<Replay.TickOutput> replayed = outputs.stream().filter(o -> o.tick() <= last).toList();
        if (replayed.equals(fleet)) {
            return "matches the " + fleet.size() + " output change(s) the fleet published";
        }
        for (int i = 0; i < Math.max(fleet.size(), replayed.size()); i++) {
            Replay.TickOutput f = i < fleet.size() ? fleet.get(i) : null;
            Replay.TickOutput r = i < replayed.size() ? replayed.get(i) : null;
            if (f == null || !f.equals(r)) {
                return "differs from what the fleet published: fleet " + f + ", replay " + r + LATE;
            }
        }
        return "differs from what the fleet published" + LATE;
    }
}
