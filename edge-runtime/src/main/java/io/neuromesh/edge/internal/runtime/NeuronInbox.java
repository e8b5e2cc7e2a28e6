package io.neuromesh.edge.internal.runtime;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bounded inbox of one hosted neuron. The MQTT callback thread offers payloads without blocking; the brain thread
 * drains them in order. Overflow policy: when the inbox is full the OLDEST waiting input is dropped (and counted), so
 * a flooded neuron keeps its newest inputs and cannot delay or starve the other neurons of its node.
 *
 * <p>A paused inbox (its neuron is restoring its state) keeps collecting but is not drained until resumed.
 */
final class NeuronInbox {

    /** Inputs drained per turn before other neurons get theirs. */
    private static final int BATCH = 64;

    /** Processes one payload on the brain thread. */
    @FunctionalInterface
    interface Handler {
        void handle(String neuron, byte[] payload);
    }

    private final String neuron;
    private final int capacity;
    private final Executor brain;
    private final Handler handler;
    private final AtomicLong dropped;
    private final ArrayDeque<byte[]> queue = new ArrayDeque<>();
    private final Runnable drainTask = this::drain;
    private boolean scheduled;
    private boolean paused;
    private boolean closed;

    NeuronInbox(String neuron, int capacity, Executor brain, Handler handler, AtomicLong dropped) {
        this.neuron = neuron;
        this.capacity = capacity;
        this.brain = brain;
        this.handler = handler;
        this.dropped = dropped;
    }

    /** Any thread; never blocks. */
    void offer(byte[] payload) {
        synchronized (this) {
            if (closed) {
                return;
            }
            if (queue.size() >= capacity) {
                queue.pollFirst();
                dropped.incrementAndGet();
            }
            queue.addLast(payload);
            if (scheduled || paused) {
                return;
            }
            scheduled = true;
        }
        brain.execute(drainTask);
    }

    /** Brain thread: stop draining until {@link #resume()}. */
    synchronized void pause() {
        paused = true;
    }

    /** Brain thread: drain again, including what arrived while paused. */
    void resume() {
        synchronized (this) {
            paused = false;
            if (scheduled || queue.isEmpty()) {
                return;
            }
            scheduled = true;
        }
        brain.execute(drainTask);
    }

    /** Brain thread: drop everything; later offers are ignored. */
    synchronized void close() {
        closed = true;
        queue.clear();
    }

    synchronized int depth() {
        return queue.size();
    }

    private void drain() {
        for (int i = 0; i < BATCH; i++) {
            byte[] payload;
            synchronized (this) {
                payload = paused ? null : queue.pollFirst();
                if (payload == null) {
                    scheduled = false;
                    return;
                }
            }
            handler.handle(neuron, payload);
        }
        // More waiting: yield the brain thread to other neurons' inboxes, then continue.
        brain.execute(drainTask);
    }
}
