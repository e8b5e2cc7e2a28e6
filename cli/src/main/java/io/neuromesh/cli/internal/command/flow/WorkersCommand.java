package io.neuromesh.cli.internal.command.flow;

import io.neuromesh.cli.internal.options.FleetQuery;
import io.neuromesh.flows.FlowClient;
import io.neuromesh.flows.WorkerStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code neuromesh workers}: the fleet's task workers from their retained heartbeats, with the per-worker task counts
 * and run-time percentiles the reference's Flower monitor showed.
 */
@Command(name = "workers", mixinStandardHelpOptions = true,
        description = {"list task workers: state, queues, task counts, run times",
                "STATE silent: the worker's last heartbeat says online, but none came for 3 of its heartbeat intervals"
                        + " + 1 s (a frozen process, or a site cut off); flows send it no tasks."})
public final class WorkersCommand implements Callable<Integer> {

    /** How long heartbeats are collected: retained ones arrive at once, live ones within a heartbeat. */
    static final Duration DEFAULT_COLLECT = Duration.ofSeconds(1);

    @Mixin
    private FleetQuery fleet = new FleetQuery(DEFAULT_COLLECT);

    @Override
    public Integer call() throws InterruptedException {
        List<WorkerStatus> workers;
        Set<String> silent;
        try (FlowClient client = fleet.broker().flowClient()) {
            // The client gathers heartbeats as they arrive; there is nothing to wait on but the time itself.
            Thread.sleep(fleet.timeout().toMillis());
            workers = client.workers();
            silent = client.silentWorkers();
        }
        fleet.print(workers, all -> WorkersView.json(all, silent), (all, out) -> {
            if (all.isEmpty()) {
                out.println("no worker has reported on " + fleet.broker().uri()
                        + " (start one with ./neuromesh worker)");
            } else {
                WorkersView.lines(all, silent, Instant.now()).forEach(out::println);
            }
        });
        return 0;
    }
}
