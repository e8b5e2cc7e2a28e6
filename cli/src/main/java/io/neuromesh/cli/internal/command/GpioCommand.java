package io.neuromesh.cli.internal.command;

import io.neuromesh.cli.internal.Args;
import io.neuromesh.cli.internal.Command;
import io.neuromesh.cli.internal.CommandFailedException;
import io.neuromesh.cli.internal.Option;
import io.neuromesh.cli.internal.UsageException;
import io.neuromesh.edge.FleetClient;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;

/** {@code neuromesh gpio set --node <id> --pin <n> high|low}: press a simulated button on one node. */
public final class GpioCommand implements Command {

    @Override
    public String name() {
        return "gpio";
    }

    @Override
    public String synopsis() {
        return "set --node <id> --pin <bcm> high|low";
    }

    @Override
    public String summary() {
        return "drive a simulated GPIO input of a node running with --gpio mock (a virtual button)";
    }

    @Override
    public List<Option> options() {
        return List.of(Option.value("node", "ID", "the node whose pin to drive"),
                Option.value("pin", "BCM", "GPIO number (BCM, 0-27) of a sensor input on that node"), BROKER, TIMEOUT);
    }

    @Override
    public int run(Args args, PrintStream out) {
        String action = args.positional(0, "set");
        if (!action.equals("set")) {
            throw new UsageException("unknown action '" + action + "'; use set");
        }
        String level = args.positional(1, "high or low");
        if (!level.equals("high") && !level.equals("low")) {
            throw new UsageException("the level must be high or low, got '" + level + "'");
        }
        args.maxPositional(2);
        String node = SendCommand.requireId(args.required("node"), "--node");
        int pin = args.intValue("pin", -1, 0, 27);
        if (pin < 0) {
            throw new UsageException("missing --pin");
        }
        try (FleetClient fleet = Connect.fleet(args)) {
            Optional<String> refusal = fleet.gpioSet(node, pin, level.equals("high"),
                    args.duration("timeout", FleetClient.DEFAULT_TIMEOUT));
            if (refusal.isPresent()) {
                throw new CommandFailedException(refusal.get());
            }
        }
        out.println(node + " pin " + pin + " set " + level);
        return 0;
    }
}
