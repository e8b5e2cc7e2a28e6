package io.neuromesh.gpio.internal.event;

import java.time.Duration;
import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * A {@link Scheduler} for tests: nothing runs until the test calls {@link #runPending()} or {@link #advance}, and
 * then everything runs on the test's thread, in due-time order, with time moving only as far as it is advanced.
 */
public final class ManualScheduler implements Scheduler {

    private static final class Task implements Timer {
        final long dueNanos;
        final long sequence;
        final Runnable body;
        volatile boolean cancelled;

        Task(long dueNanos, long sequence, Runnable body) {
            this.dueNanos = dueNanos;
            this.sequence = sequence;
            this.body = body;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }

    private final PriorityQueue<Task> queue = new PriorityQueue<>(
            Comparator.<Task>comparingLong(task -> task.dueNanos).thenComparingLong(task -> task.sequence));
    private long nowNanos;
    private long sequence;
    private boolean closed;

    @Override
    public synchronized void execute(Runnable task) {
        add(nowNanos, task);
    }

    @Override
    public synchronized Timer schedule(Runnable task, Duration delay) {
        return add(nowNanos + delay.toNanos(), task);
    }

    /** Runs every task that is due now, including tasks those tasks submit for now. */
    public void runPending() {
        advance(Duration.ZERO);
    }

    /**
     * Moves time forward, running each task when its due time is reached.
     *
     * @param duration how far to move
     */
    public void advance(Duration duration) {
        long target;
        synchronized (this) {
            target = nowNanos + duration.toNanos();
        }
        while (true) {
            Task next;
            synchronized (this) {
                next = queue.peek();
                if (next == null || next.dueNanos > target) {
                    nowNanos = target;
                    return;
                }
                queue.poll();
                nowNanos = Math.max(nowNanos, next.dueNanos);
            }
            if (!next.cancelled) {
                next.body.run();
            }
        }
    }

    /**
     * @return how many tasks wait to run and are not cancelled
     */
    public synchronized long pendingCount() {
        return queue.stream().filter(task -> !task.cancelled).count();
    }

    /**
     * @return whether {@link #close()} was called
     */
    public synchronized boolean isClosed() {
        return closed;
    }

    @Override
    public synchronized void close() {
        closed = true;
        queue.clear();
    }

    private Task add(long dueNanos, Runnable body) {
        Task task = new Task(dueNanos, sequence++, body);
        if (!closed) {
            queue.add(task);
        }
        return task;
    }
}
