package io.neuromesh.flows;

import java.time.Duration;

/**
 * Counters of one worker since it started (a snapshot; counts are cumulative). Run times are over the most recent
 * {@value #RUN_TIME_WINDOW} finished tasks, from the first attempt's start to the result, retries included.
 *
 * @param processed tasks finished (successfully or not)
 * @param failed    tasks finished with an error result
 * @param retried   retries run after a {@link RetryableException}
 * @param running   tasks running now
 * @param queued    tasks received and waiting for a free slot
 * @param p50       median run time
 * @param p95       95th percentile run time
 * @param p99       99th percentile run time
 * @since 0.1
 */
public record WorkerStats(long processed, long failed, long retried, int running, int queued, Duration p50,
                          Duration p95, Duration p99) {

    /** How many recent run times the percentiles cover. */
    public static final int RUN_TIME_WINDOW = 1024;
}
