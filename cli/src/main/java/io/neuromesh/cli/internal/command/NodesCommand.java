package io.neuromesh.cli.internal.command;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonParser;
import io.neuromesh.cli.internal.Args;
import io.neuromesh.cli.internal.Command;
import io.neuromesh.cli.internal.Option;
import io.neuromesh.edge.FleetClient;
import io.neuromesh.edge.wire.NodeStatus;
import io.neuromesh.edge.wire.NodeStatusCodec;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** {@code neuromesh nodes [--json]}: the fleet as its retained statuses describe it. */
public final class NodesCommand implements Command {

    @Override
    public String name() {
        return "nodes";
    }

    @Override
    public String synopsis() {
        return "[--json]";
    }

    @Override
    public String summary() {
        return "list the fleet: each node's state, neurons, topology rev and load, from the retained statuses";
    }

    @Override
    public List<Option> options() {
        return List.of(Option.flag("json", "print every node's raw status JSON instead of the table"), BROKER);
    }

    @Override
    public int run(Args args, PrintStream out) {
        args.maxPositional(0);
        try (FleetClient fleet = Connect.fleet(args)) {
            Collection<NodeStatus> statuses = fleet.nodes().values();
            if (args.flag("json")) {
                JsonArray raw = new JsonArray();
                statuses.forEach(status -> raw.add(JsonParser.parseString(
                        new String(NodeStatusCodec.encode(status), StandardCharsets.UTF_8))));
                out.println(new GsonBuilder().setPrettyPrinting().create().toJson(raw));
            } else if (statuses.isEmpty()) {
                out.println("no node has published a status on " + args.broker() + " yet");
            } else {
                NodesTable.lines(statuses, Instant.now()).forEach(out::println);
            }
        }
        return 0;
    }
}
