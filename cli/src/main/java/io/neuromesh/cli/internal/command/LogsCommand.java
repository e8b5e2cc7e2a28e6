package io.neuromesh.cli.internal.command;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.neuromesh.cli.internal.options.FleetQuery;
import io.neuromesh.cli.internal.view.EventsView;
import io.neuromesh.edge.FleetClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code neuromesh logs}: every node's recent neuron events merged in time order (the reference's mergeLogs). */
@Command(name = "logs", mixinStandardHelpOptions = true,
        description = "the fleet's recent neuron events, merged in time order")
public final class LogsCommand implements Callable<Integer> {

    @Mixin
    private FleetQuery fleet;
    @Option(names = "--since", paramLabel = "DURATION",
            description = "only events newer than this, e.g. 30s (default: all kept)")
    private Duration since;
    @Option(names = "--clear", description = "afterwards, make every node forget its events (the reference's emptyLogs)")
    private boolean clear;

    /** The events, and the nodes that forgot theirs (null without {@code --clear}). */
    private record Logs(List<FleetClient.FleetEvent> events, List<String> clearedOn) {
    }

    @Override
    public Integer call() {
        Instant from = since == null ? Instant.EPOCH : Instant.now().minus(since);
        fleet.show((client, timeout) -> new Logs(client.logs(from, timeout),
                clear ? client.clearLogs(timeout) : null), LogsCommand::json, LogsCommand::print);
        return 0;
    }

    private static JsonObject json(Logs logs) {
        JsonObject document = new JsonObject();
        document.add("events", EventsView.json(logs.events()));
        if (logs.clearedOn() != null) {
            JsonArray nodes = new JsonArray();
            logs.clearedOn().forEach(nodes::add);
            document.add("clearedOn", nodes);
        }
        return document;
    }

    private static void print(Logs logs, PrintStream out) {
        EventsView.lines(logs.events(), ZoneId.systemDefault()).forEach(out::println);
        if (logs.clearedOn() != null) {
            out.println("cleared on " + String.join(", ", logs.clearedOn()));
        }
    }
}
