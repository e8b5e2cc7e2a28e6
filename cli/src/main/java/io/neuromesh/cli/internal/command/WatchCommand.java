package io.neuromesh.cli.internal.command;

import io.neuromesh.cli.internal.UsageException;
import io.neuromesh.cli.internal.fleet.RunningTopology;
import io.neuromesh.cli.internal.options.FleetView;
import io.neuromesh.cli.internal.options.IdConverter;
import io.neuromesh.cli.internal.options.JsonOption;
import io.neuromesh.cli.internal.view.OutputsView;
import io.neuromesh.edge.FleetClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** {@code neuromesh watch}: live outputs, like {@code mosquitto_sub -v -t 'neuron/+/output'} but readable. */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = {"print neuron outputs as they change (retained ones first)",
                "With neuron ids, only theirs; a neuron the running topology does not have is refused (exit 1).",
                "With --json: one JSON object per line (JSON lines)."})
public final class WatchCommand implements Callable<Integer> {

    @Mixin
    private FleetView fleet;
    @Parameters(arity = "0..*", paramLabel = "<neuron>", converter = IdConverter.class,
            description = "only these neurons' outputs (default: every neuron's)")
    private List<String> neurons = List.of();
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
        Set<String> only = Set.copyOf(neurons);
        try (FleetClient client = fleet.broker().fleet()) {
            if (!only.isEmpty()) {
                RunningTopology.requireNeurons(client.topology(FleetClient.DEFAULT_TIMEOUT), neurons,
                        FleetClient.DEFAULT_TIMEOUT);
            }
            client.watchOutputs(e -> {
                boolean other = !only.isEmpty() && !only.contains(e.neuron());
                if (other || (count != null && seen.getAndIncrement() >= count)) {
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
