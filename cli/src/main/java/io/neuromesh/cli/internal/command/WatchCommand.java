package io.neuromesh.cli.internal.command;

import io.neuromesh.cli.internal.UsageException;
import io.neuromesh.cli.internal.options.FleetView;
import io.neuromesh.cli.internal.options.JsonOption;
import io.neuromesh.cli.internal.view.OutputsView;
import io.neuromesh.edge.FleetClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.time.Duration;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** {@code neuromesh watch}: live outputs, like {@code mosquitto_sub -v -t 'neuron/+/output'} but readable. */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = {"print neuron outputs as they change (retained ones first)",
                "With --json: one JSON object per line (JSON lines)."})
public final class WatchCommand implements Callable<Integer> {

    @Mixin
    private FleetView fleet;
    @Option(names = "--count", paramLabel = "N", description = "exit after N outputs (default: never)")
    private Integer count;
    @Option(names = "--for", paramLabel = "DURATION", description = "exit after this long, e.g. 30s (default: never)")
    private Duration limit;

    @Override
    public Integer call() throws InterruptedException {
        PrintStream out = fleet.out();
        if (count != null && count < 1) {
            throw new UsageException("--count must be at least 1, got " + count);
        }
        CountDownLatch done = new CountDownLatch(count == null ? 1 : count);
        // Retained outputs arrive in a burst: past the count, the ones that come before the client closes are dropped.
        AtomicInteger seen = new AtomicInteger();
        ZoneId zone = ZoneId.systemDefault();
        try (FleetClient client = fleet.broker().fleet()) {
            client.watchOutputs(e -> {
                if (count != null && seen.getAndIncrement() >= count) {
                    return;
                }
                if (fleet.json()) {
                    JsonOption.printLine(out, OutputsView.json(e));
                } else {
                    out.println(OutputsView.line(e, zone));
                    out.flush();
                }
                if (count != null) {
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
