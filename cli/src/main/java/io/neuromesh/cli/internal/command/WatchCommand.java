package io.neuromesh.cli.internal.command;

import io.neuromesh.cli.internal.Args;
import io.neuromesh.cli.internal.Command;
import io.neuromesh.cli.internal.Option;
import io.neuromesh.edge.FleetClient;

import java.io.PrintStream;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** {@code neuromesh watch}: live outputs, like {@code mosquitto_sub -v -t 'neuron/+/output'} but readable. */
public final class WatchCommand implements Command {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS")
            .withZone(ZoneId.systemDefault());

    @Override
    public String name() {
        return "watch";
    }

    @Override
    public String synopsis() {
        return "[--count N] [--for DURATION]";
    }

    @Override
    public String summary() {
        return "print neuron outputs as they change (retained ones first)";
    }

    @Override
    public List<Option> options() {
        return List.of(Option.value("count", "N", "exit after N outputs"),
                Option.value("for", "DURATION", "exit after this long, e.g. 30s"), BROKER);
    }

    @Override
    public int run(Args args, PrintStream out) throws InterruptedException {
        args.maxPositional(0);
        int count = args.intValue("count", Integer.MAX_VALUE, 1, Integer.MAX_VALUE);
        Duration limit = args.duration("for", null);
        CountDownLatch done = new CountDownLatch(count == Integer.MAX_VALUE ? 1 : count);
        try (FleetClient fleet = Connect.fleet(args)) {
            fleet.watchOutputs(e -> {
                out.printf("%s  %-10s = %d  (%s%s)%n", TIME.format(e.timestamp()), e.neuron(),
                        e.value(), e.node(), e.retained() ? ", retained" : "");
                out.flush();
                if (count != Integer.MAX_VALUE) {
                    done.countDown();
                }
            });
            if (limit == null) {
                done.await();
            } else {
                done.await(limit.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
        return 0;
    }
}
