package io.neuromesh.cli.internal.command.flow;

import io.neuromesh.cli.internal.Args;
import io.neuromesh.cli.internal.Command;
import io.neuromesh.cli.internal.Option;
import io.neuromesh.flows.FlowClient;
import io.neuromesh.flows.WorkerState;
import io.neuromesh.flows.WorkerStats;
import io.neuromesh.flows.WorkerStatus;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * {@code neuromesh workers}: the fleet's task workers from their retained heartbeats, with the per-worker task counts
 * and run-time percentiles the reference's Flower monitor showed.
 */
public final class WorkersCommand implements Command {

    private static final String ROW = "%-20s %-7s %-16s %9s %7s %7s %5s %9s %9s %9s %7s %8s%n";

    @Override
    public String name() {
        return "workers";
    }

    @Override
    public String synopsis() {
        return "[--broker URL] [--timeout DURATION]";
    }

    @Override
    public String summary() {
        return "list task workers: state, queues, task counts, run times";
    }

    @Override
    public List<Option> options() {
        return List.of(BROKER, Option.value("timeout", "DURATION", "how long to collect heartbeats (default 1s)"));
    }

    @Override
    public int run(Args args, PrintStream out) throws InterruptedException {
        args.maxPositional(0);
        Duration wait = args.duration("timeout", Duration.ofSeconds(1));
        List<WorkerStatus> workers;
        try (FlowClient client = FlowConnect.client(args)) {
            Thread.sleep(wait.toMillis());
            workers = client.workers();
        }
        if (workers.isEmpty()) {
            out.println("no worker has reported on " + args.broker() + " (start one with ./neuromesh worker)");
            return 0;
        }
        out.printf(ROW, "WORKER", "STATE", "QUEUES", "PROCESSED", "FAILED", "RETRIED", "RUN", "P50", "P95", "P99",
                "AGE", "UPTIME");
        Instant now = Instant.now();
        for (WorkerStatus status : workers) {
            WorkerStats stats = status.stats();
            out.printf(ROW, status.worker(), status.state().name().toLowerCase(Locale.ROOT),
                    String.join(",", status.queues()), stats.processed(), stats.failed(), stats.retried(),
                    stats.running(), millis(stats.p50()), millis(stats.p95()), millis(stats.p99()),
                    status.timestamp() == null ? "-" : since(status.timestamp(), now),
                    status.startedAt() == null || status.state() == WorkerState.OFFLINE ? "-"
                            : since(status.startedAt(), now));
        }
        return 0;
    }

    private static String millis(Duration duration) {
        double ms = duration.toNanos() / 1e6;
        return ms >= 100 ? String.format(Locale.ROOT, "%.0f ms", ms) : String.format(Locale.ROOT, "%.1f ms", ms);
    }

    private static String since(Instant then, Instant now) {
        long seconds = Math.max(0, Duration.between(then, now).toSeconds());
        if (seconds < 120) {
            return seconds + "s";
        }
        if (seconds < 7200) {
            return seconds / 60 + "m";
        }
        return seconds / 3600 + "h";
    }
}
