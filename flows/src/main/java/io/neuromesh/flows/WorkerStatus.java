package io.neuromesh.flows;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A worker's heartbeat, the retained JSON on {@code neuromesh/workers/<worker>/status}.
 *
 * @param worker      the worker name
 * @param state       online, or offline (its Last Will, or its clean shutdown)
 * @param queues      the queues it serves
 * @param tasks       the task names it runs
 * @param concurrency tasks it runs at once
 * @param prefetch    tasks it holds at once (running and waiting); clients send it no more than this
 * @param heartbeat   interval between heartbeats; clients treat it as gone after three missed ones
 * @param stats       its counters and run-time percentiles
 * @param startedAt   when it started
 * @param timestamp   when this heartbeat was published (the worker's clock)
 * @since 0.1
 */
public record WorkerStatus(String worker, WorkerState state, List<String> queues, List<String> tasks,
                           int concurrency, int prefetch, Duration heartbeat, WorkerStats stats, Instant startedAt,
                           Instant timestamp) {

    public WorkerStatus {
        if (worker == null || state == null) {
            throw new IllegalArgumentException("worker and state: must not be null");
        }
        queues = queues == null ? List.of() : List.copyOf(queues);
        tasks = tasks == null ? List.of() : List.copyOf(tasks);
        if (heartbeat == null || heartbeat.isNegative()) {
            throw new IllegalArgumentException("heartbeat: must be zero or positive, got " + heartbeat);
        }
    }
}
