package io.neuromesh.flows.internal.worker;

import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * Concurrency slots of a worker: at most {@code concurrency} jobs run, each on its own virtual thread; the rest wait
 * in arrival order, at most {@code maxWaiting} of them (beyond that {@link #submit} refuses).
 */
final class Slots {

    private final int concurrency;
    private final int maxWaiting;
    private final Consumer<Job> body;
    private final ArrayDeque<Job> waiting = new ArrayDeque<>();
    private int running;
    private boolean closed;

    Slots(int concurrency, int maxWaiting, Consumer<Job> body) {
        this.concurrency = concurrency;
        this.maxWaiting = maxWaiting;
        this.body = body;
    }

    /** Runs or queues {@code job}; false when too many are waiting already. */
    boolean submit(Job job) {
        synchronized (this) {
            if (closed) {
                return true;
            }
            if (running >= concurrency) {
                if (waiting.size() >= maxWaiting) {
                    return false;
                }
                waiting.addLast(job);
                return true;
            }
            running++;
        }
        launch(job);
        return true;
    }

    /** A running job finished (or timed out): its slot goes to the next waiting job. */
    void release() {
        Job next;
        synchronized (this) {
            next = closed ? null : waiting.pollFirst();
            if (next == null) {
                running = Math.max(0, running - 1);
            }
        }
        if (next != null) {
            launch(next);
        }
    }

    /** Takes a job out of the waiting line; false if it is not waiting (running already, or gone). */
    synchronized boolean removeWaiting(Job job) {
        return waiting.remove(job);
    }

    synchronized int running() {
        return running;
    }

    synchronized int waiting() {
        return waiting.size();
    }

    /** Stops starting jobs; waiting ones are dropped. */
    synchronized void close() {
        closed = true;
        waiting.clear();
    }

    private void launch(Job job) {
        Thread.ofVirtual().name("flows-task-" + job.taskId()).start(() -> body.accept(job));
    }
}
