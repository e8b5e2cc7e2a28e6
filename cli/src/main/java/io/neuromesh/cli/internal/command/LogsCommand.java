package io.neuromesh.cli.internal.command;

import io.neuromesh.cli.internal.Args;
import io.neuromesh.cli.internal.Command;
import io.neuromesh.cli.internal.Option;
import io.neuromesh.edge.FleetClient;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** {@code neuromesh logs}: every node's recent neuron events merged in time order (the reference's mergeLogs). */
public final class LogsCommand implements Command {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS")
            .withZone(ZoneId.systemDefault());

    @Override
    public String name() {
        return "logs";
    }

    @Override
    public String synopsis() {
        return "[--since DURATION] [--clear]";
    }

    @Override
    public String summary() {
        return "the fleet's recent neuron events, merged in time order";
    }

    @Override
    public List<Option> options() {
        return List.of(Option.value("since", "DURATION", "only events newer than this, e.g. 30s (default: all kept)"),
                Option.flag("clear", "afterwards, make every node forget its events (the reference's emptyLogs)"),
                BROKER, TIMEOUT);
    }

    @Override
    public int run(Args args, PrintStream out) {
        args.maxPositional(0);
        Duration timeout = args.duration("timeout", FleetClient.DEFAULT_TIMEOUT);
        Duration since = args.duration("since", null);
        Instant from = since == null ? Instant.EPOCH : Instant.now().minus(since);
        try (FleetClient fleet = Connect.fleet(args)) {
            List<FleetClient.FleetEvent> events = fleet.logs(from, timeout);
            out.printf("%-15s  %-8s  %-10s  %s%n", "time", "node", "neuron", "event");
            for (FleetClient.FleetEvent e : events) {
                out.printf("%-15s  %-8s  %-10s  %s%n", TIME.format(e.at()), e.node(), e.neuron(), e.text());
            }
            if (args.flag("clear")) {
                out.println("cleared on " + String.join(", ", fleet.clearLogs(timeout)));
            }
        }
        return 0;
    }
}
