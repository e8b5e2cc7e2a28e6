package io.neuromesh.cli.internal.command;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.neuromesh.cli.internal.CommandFailedException;
import io.neuromesh.cli.internal.UsageException;
import io.neuromesh.cli.internal.fleet.RunningTopology;
import io.neuromesh.cli.internal.options.FleetQuery;
import io.neuromesh.cli.internal.options.IdConverter;
import io.neuromesh.cli.internal.view.EventsView;
import io.neuromesh.cli.internal.view.NodesTable;
import io.neuromesh.edge.FleetClient;
import io.neuromesh.edge.wire.NodeStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;

/** {@code neuromesh logs}: every node's recent neuron events merged in time order (the reference's mergeLogs). */
@Command(name = "logs", mixinStandardHelpOptions = true,
        description = {"the fleet's recent neuron events, merged in time order",
                "With neuron ids, only theirs; a neuron the running topology does not have is refused (exit 1).",
                "Exits 1, after printing what arrived, when an online node did not answer within --timeout."})
public final class LogsCommand implements Callable<Integer> {

    @Mixin
    private FleetQuery fleet;
    @Parameters(arity = "0..*", paramLabel = "<neuron>", converter = IdConverter.class,
            description = "only these neurons' events (default: every neuron's)")
    private List<String> neurons = List.of();
    @Option(names = "--since", paramLabel = "DURATION",
            description = "only events newer than this, e.g. 30s (default: all kept)")
    private Duration since;
    @Option(names = "--clear", description = "afterwards, make every node forget its events (the reference's emptyLogs)")
    private boolean clear;

    /**
     * The events; the nodes that forgot theirs (null without {@code --clear}); the online nodes that did not answer;
     * the nodes not asked because their peers count them gone for silence, with what to say of each.
     */
    private record Logs(List<FleetClient.FleetEvent> events, List<String> clearedOn, List<String> noAnswer,
                        Map<String, String> silent) {
    }

    @Override
    public Integer call() {
        if (clear && !neurons.isEmpty()) {
            throw new UsageException("--clear makes every node forget all its events; run it without neuron ids");
        }
        Instant from = since == null ? Instant.EPOCH : Instant.now().minus(since);
        Logs logs = fleet.ask(client -> ask(client, from, fleet.timeout()));
        fleet.print(logs, LogsCommand::json, LogsCommand::print);
        if (!logs.noAnswer().isEmpty()) {
            throw new CommandFailedException("no answer from " + String.join(" ", logs.noAnswer()) + " within "
                    + RunningTopology.text(fleet.timeout()) + "; what is shown is from the other nodes only");
        }
        return 0;
    }

    private Logs ask(FleetClient client, Instant from, Duration timeout) {
        Set<String> only = Set.copyOf(neurons);
        if (!only.isEmpty()) {
            RunningTopology.requireNeurons(client.topology(timeout), neurons, timeout);
        }
        // Nodes their peers count gone for silence (another site while the bridge is down) are not asked.
        Set<String> quiet = client.awaitSilentNodes(timeout);
        FleetClient.FleetLogs logs = client.logs(from, timeout);
        List<FleetClient.FleetEvent> events = only.isEmpty() ? logs.events()
                : logs.events().stream().filter(e -> only.contains(e.neuron())).toList();
        TreeSet<String> noAnswer = new TreeSet<>(logs.silent());
        Map<String, NodeStatus> nodes = client.nodes();
        List<String> online = nodes.values().stream().filter(NodeStatus::online).map(NodeStatus::node).toList();
        List<String> cleared = clear ? client.clearLogs(timeout) : null;
        if (cleared != null) {
            online.stream().filter(node -> !cleared.contains(node)).forEach(noAnswer::add);
        }
        Instant now = Instant.now();
        Map<String, String> silent = new TreeMap<>();
        quiet.stream().filter(nodes::containsKey).forEach(node -> silent.put(node,
                NodesTable.silent(nodes.get(node), now)));
        return new Logs(events, cleared, List.copyOf(noAnswer), silent);
    }

    private static JsonObject json(Logs logs) {
        JsonObject document = new JsonObject();
        document.add("events", EventsView.json(logs.events()));
        if (logs.clearedOn() != null) {
            JsonArray nodes = new JsonArray();
            logs.clearedOn().forEach(nodes::add);
            document.add("clearedOn", nodes);
        }
        JsonArray noAnswer = new JsonArray();
        logs.noAnswer().forEach(noAnswer::add);
        document.add("noAnswer", noAnswer);
        JsonArray silent = new JsonArray();
        logs.silent().keySet().forEach(silent::add);
        document.add("silent", silent);
        return document;
    }

    private static void print(Logs logs, PrintStream out) {
        EventsView.lines(logs.events(), ZoneId.systemDefault()).forEach(out::println);
        if (logs.clearedOn() != null) {
            out.println("cleared on " + String.join(", ", logs.clearedOn()));
        }
        logs.silent().forEach((node, silent) -> out.println(node + ": " + silent + "; its events are not shown"));
    }
}
