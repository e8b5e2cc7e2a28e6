package io.neuromesh.edge.internal.signal;

import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The bounded inbox of one hosted neuron. The MQTT callback thread offers payloads without blocking; they are drained
 * in order under the brain's turn (on the brain thread, or on the offering thread when the brain was idle). Overflow
 * policy: when the inbox is full the OLDEST waiting input is dropped (and counted), so a flooded neuron keeps its
 * newest inputs and cannot delay or starve the other neurons of its node.
 *
 * <p>A paused inbox (its neuron is restoring its state) keeps collecting but is not drained until resumed.
 */
public final class NeuronInbox {

    /** Inputs drained per turn before other neurons get theirs. */
    private static final int BATCH = 64;

    /** Processes one payload under the brain's turn. */
    @FunctionalInterface
    public interface Handler {
        /** @param receivedNanos {@link System#nanoTime()} when the payload was offered (the hop latency starts there) */
        void handle(String neuron, byte[] payload, long receivedNanos);
    }

    /** A waiting payload and when it arrived. */
    private record Arrival(byte[] payload, long nanos) {
    }

    private final String neuron;
    private final int capacity;
    private final Consumer<NeuronInbox> ready;
    private final AtomicLong dropped;
    private final AtomicInteger waiting;
    // Sparse traffic keeps one or two inputs waiting at most; the default 16 slots, times 100,000 neurons, is 8 MB.
    private final ArrayDeque<Arrival> queue = new ArrayDeque<>(2);
    private boolean scheduled;
    private boolean paused;
    private boolean closed;

    /**
     * @param ready   told (once per batch) that this inbox has inputs to drain: it posts the inbox to the brain thread
     * @param waiting the inputs waiting in this inbox and its siblings: the node's queue depth, read every heartbeat
     *                without visiting each of up to 100,000 inboxes
     */
    public NeuronInbox(String neuron, int capacity, Consumer<NeuronInbox> ready, AtomicLong dropped,
                       AtomicInteger waiting) {
        this.neuron = neuron;
        this.capacity = capacity;
        this.ready = ready;
        this.dropped = dropped;
        this.waiting = waiting;
    }

    /** Any thread; never blocks. */
    public void offer(byte[] payload) {
        Arrival arrival = new Arrival(payload, System.nanoTime());
        synchronized (this) {
            if (closed) {
                return;
            }
            if (queue.size() >= capacity) {
                queue.pollFirst();
                dropped.incrementAndGet();
            } else {
                waiting.incrementAndGet();
            }
            queue.addLast(arrival);
            if (scheduled || paused) {
                return;
            }
            scheduled = true;
        }
        ready.accept(this);
    }

    /** Brain thread: stop draining until {@link #resume()}. */
    public synchronized void pause() {
        paused = true;
    }

    /** Brain thread: drain again, including what arrived while paused. */
    public void resume() {
        synchronized (this) {
            paused = false;
            if (scheduled || queue.isEmpty()) {
                return;
            }
            scheduled = true;
        }
        ready.accept(this);
    }

    /** Brain thread: drop everything; later offers are ignored. */
    public synchronized void close() {
        closed = true;
        waiting.addAndGet(-queue.size());
        queue.clear();
    }

    /** Under the brain's turn: hands up to one batch to {@code handler}; if more waits, asks to be drained again later. */
    public void drain(Handler handler) {
        for (int i = 0; i < BATCH; i++) {
            Arrival arrival;
            synchronized (this) {
                arrival = paused ? null : queue.pollFirst();
                if (arrival == null) {
                    scheduled = false;
                    return;
                }
                waiting.decrementAndGet();
            }
            handler.handle(neuron, arrival.payload(), arrival.nanos());
        }
        // More waiting: yield the brain thread to other neurons' inboxes, then continue.
        ready.accept(this);
    }
}
