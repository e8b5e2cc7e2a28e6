package io.neuromesh.flows.internal.worker;

import java.time.Duration;

/**
 * Exponential retry backoff without jitter: the first retry waits {@code initial}, each further one twice as long,
 * never more than {@code max}. (Retries of one task run on one worker, so there is no herd to spread out.)
 *
 * @param initial delay before the first retry
 * @param max     longest delay
 */
record Backoff(Duration initial, Duration max) {

    /** The delay before retry number {@code retry} (1 for the first retry). */
    Duration delayBefore(int retry) {
        if (retry < 1) {
            throw new IllegalArgumentException("retry: must be >= 1, got " + retry);
        }
        int doublings = Math.min(retry - 1, 62);
        long nanos = initial.toNanos();
        long capped = max.toNanos();
        if (nanos > capped >> doublings) {
            return max;
        }
        return Duration.ofNanos(Math.min(capped, nanos << doublings));
    }
}
