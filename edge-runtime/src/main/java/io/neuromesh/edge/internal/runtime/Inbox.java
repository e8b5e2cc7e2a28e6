package io.neuromesh.edge.internal.runtime;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bounded queue in front of the brain thread. Overflow policy: a message that finds the inbox full is dropped
 * (newest dropped, counted in {@code dropped}), so a flood can neither exhaust the heap nor stall the MQTT client.
 */
final class Inbox implements Executor {

    private final Executor brain;
    private final int capacity;
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicLong dropped;

    Inbox(Executor brain, int capacity, AtomicLong dropped) {
        this.brain = brain;
        this.capacity = capacity;
        this.dropped = dropped;
    }

    @Override
    public void execute(Runnable task) {
        if (pending.incrementAndGet() > capacity) {
            pending.decrementAndGet();
            dropped.incrementAndGet();
            throw new RejectedExecutionException("inbox full");
        }
        brain.execute(() -> {
            pending.decrementAndGet();
            task.run();
        });
    }

    /** Messages waiting for the brain thread. */
    int depth() {
        return pending.get();
    }
}
