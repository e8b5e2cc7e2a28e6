package io.neuromesh.cli.internal.command.flow;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.neuromesh.flows.WorkerState;
import io.neuromesh.flows.WorkerStats;
import io.neuromesh.flows.WorkerStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** {@code neuromesh workers}: the workers' heartbeats as a table, or as JSON. */
final class WorkersView {

    private static final String ROW = "%-20s %-7s %-16s %9s %7s %7s %5s %9s %9s %9s %7s %8s";
    private static final String ABSENT = "-";

    private WorkersView() {
    }

    /**
     * @param silent the workers the client counts silent ({@link io.neuromesh.flows.FlowClient#silentWorkers()}):
     *               their state shows as {@code silent}
     * @return a header and one line per worker: state, queues, counts, run-time percentiles, age and uptime
     */
    static List<String> lines(List<WorkerStatus> workers, Set<String> silent, Instant now) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, ROW, "WORKER", "STATE", "QUEUES", "PROCESSED", "FAILED", "RETRIED", "RUN",
                "P50", "P95", "P99", "AGE", "UPTIME"));
        for (WorkerStatus status : workers) {
            WorkerStats stats = status.stats();
            lines.add(String.format(Locale.ROOT, ROW, status.worker(), state(status, silent),
                    String.join(",", status.queues()), stats.processed(), stats.failed(), stats.retried(),
                    stats.running(), millis(stats.p50()), millis(stats.p95()), millis(stats.p99()),
                    status.timestamp() == null ? ABSENT : since(status.timestamp(), now),
                    status.startedAt() == null || status.state() == WorkerState.OFFLINE ? ABSENT
                            : since(status.startedAt(), now)));
        }
        return lines;
    }

    /**
     * @return a JSON array, one object per worker: {@code worker}, {@code state}, {@code queues}, {@code processed},
     *         {@code failed}, {@code retried}, {@code running}, {@code queued}, {@code p50Ms}/{@code p95Ms}/{@code p99Ms}
     *         (run time), {@code timestamp} and {@code startedAt} (ISO-8601 UTC, or null); {@code state} is
     *         {@code online}, {@code offline} or {@code silent} (see {@link #lines})
     */
    static JsonArray json(List<WorkerStatus> workers, Set<String> silent) {
        JsonArray array = new JsonArray();
        for (WorkerStatus status : workers) {
            WorkerStats stats = status.stats();
            JsonObject worker = new JsonObject();
            worker.addProperty("worker", status.worker());
            worker.addProperty("state", state(status, silent));
            JsonArray queues = new JsonArray();
            status.queues().forEach(queues::add);
            worker.add("queues", queues);
            worker.addProperty("processed", stats.processed());
            worker.addProperty("failed", stats.failed());
            worker.addProperty("retried", stats.retried());
            worker.addProperty("running", stats.running());
            worker.addProperty("queued", stats.queued());
            worker.addProperty("p50Ms", stats.p50().toNanos() / 1e6);
            worker.addProperty("p95Ms", stats.p95().toNanos() / 1e6);
            worker.addProperty("p99Ms", stats.p99().toNanos() / 1e6);
            worker.addProperty("timestamp", status.timestamp() == null ? null : status.timestamp().toString());
            worker.addProperty("startedAt", status.startedAt() == null ? null : status.startedAt().toString());
            array.add(worker);
        }
        return array;
    }

    private static String state(WorkerStatus status, Set<String> silent) {
        return silent.contains(status.worker()) ? "silent" : status.state().name().toLowerCase(Locale.ROOT);
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
