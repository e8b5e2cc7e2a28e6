package io.neuromesh.gpio.internal.event;

import java.time.Duration;

/**
 * A single-threaded executor with timers: everything submitted runs on one thread, one task at a time, in order.
 * Code that runs only on that thread needs no locks. Tests replace it with a manual scheduler they advance.
 */
public interface Scheduler extends AutoCloseable {

    /** A scheduled task that can still be cancelled. */
    interface Timer {
        /** Prevents the task from running if it has not started yet. */
        void cancel();
    }

    /**
     * Runs a task on the scheduler thread as soon as possible, after tasks already due. Ignored after close.
     *
     * @param task the task
     */
    void execute(Runnable task);

    /**
     * Runs a task on the scheduler thread after a delay. Ignored after close.
     *
     * @param task  the task
     * @param delay how long to wait, zero or positive
     * @return a handle to cancel the task
     */
    Timer schedule(Runnable task, Duration delay);

    /** Stops the thread; pending tasks are dropped. Idempotent. */
    @Override
    void close();
}
