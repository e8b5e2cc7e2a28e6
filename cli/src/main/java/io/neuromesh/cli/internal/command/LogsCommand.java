package io.neuromesh.cli.internal.command;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.neuromesh.cli.internal.NeuromeshCommand;
import io.neuromesh.cli.internal.options.BrokerOptions;
import io.neuromesh.cli.internal.options.JsonOption;
import io.neuromesh.cli.internal.options.TimeoutOption;
import io.neuromesh.cli.internal.view.EventsView;
import io.neuromesh.edge.FleetClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

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

    @Spec
    private CommandSpec spec;
    @Mixin
    private BrokerOptions broker;
    @Mixin
    private TimeoutOption timeout;
    @Mixin
    private JsonOption json;
    @Option(names = "--since", paramLabel = "DURATION",
            description = "only events newer than this, e.g. 30s (default: all kept)")
    private Duration since;
    @Option(names = "--clear", description = "afterwards, make every node forget its events (the reference's emptyLogs)")
    private boolean clear;

    @Override
    public Integer call() {
        PrintStream out = NeuromeshCommand.out(spec);
        Instant from = since == null ? Instant.EPOCH : Instant.now().minus(since);
        try (FleetClient fleet = broker.fleet()) {
            List<FleetClient.FleetEvent> events = fleet.logs(from, timeout.get());
            List<String> clearedOn = clear ? fleet.clearLogs(timeout.get()) : null;
            if (json.enabled()) {
                JsonObject document = new JsonObject();
                document.add("events", EventsView.json(events));
                if (clearedOn != null) {
                    JsonArray nodes = new JsonArray();
                    clearedOn.forEach(nodes::add);
                    document.add("clearedOn", nodes);
                }
                JsonOption.print(out, document);
            } else {
                EventsView.lines(events, ZoneId.systemDefault()).forEach(out::println);
                if (clearedOn != null) {
                    out.println("cleared on " + String.join(", ", clearedOn));
                }
            }
        }
        return 0;
    }
}
