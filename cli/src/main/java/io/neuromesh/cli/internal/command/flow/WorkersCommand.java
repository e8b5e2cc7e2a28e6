package io.neuromesh.cli.internal.command.flow;

import io.neuromesh.cli.internal.NeuromeshCommand;
import io.neuromesh.cli.internal.options.BrokerOptions;
import io.neuromesh.cli.internal.options.JsonOption;
import io.neuromesh.cli.internal.options.TimeoutOption;
import io.neuromesh.flows.FlowClient;
import io.neuromesh.flows.WorkerStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code neuromesh workers}: the fleet's task workers from their retained heartbeats, with the per-worker task counts
 * and run-time percentiles the reference's Flower monitor showed.
 */
@Command(name = "workers", mixinStandardHelpOptions = true,
        description = "list task workers: state, queues, task counts, run times")
public final class WorkersCommand implements Callable<Integer> {

    /** How long heartbeats are collected: retained ones arrive at once, live ones within a heartbeat. */
    static final Duration DEFAULT_COLLECT = Duration.ofSeconds(1);

    @Spec
    private CommandSpec spec;
    @Mixin
    private BrokerOptions broker;
    @Mixin
    private TimeoutOption timeout = new TimeoutOption(DEFAULT_COLLECT);
    @Mixin
    private JsonOption json;

    @Override
    public Integer call() throws InterruptedException {
        List<WorkerStatus> workers;
        try (FlowClient client = broker.flowClient()) {
            // The client gathers heartbeats as they arrive; there is nothing to wait on but the time itself.
            Thread.sleep(timeout.get().toMillis());
            workers = client.workers();
        }
        PrintStream out = NeuromeshCommand.out(spec);
        if (json.enabled()) {
            JsonOption.print(out, WorkersView.json(workers));
        } else if (workers.isEmpty()) {
            out.println("no worker has reported on " + broker.uri() + " (start one with ./neuromesh worker)");
        } else {
            WorkersView.lines(workers, Instant.now()).forEach(out::println);
        }
        return 0;
    }
}
