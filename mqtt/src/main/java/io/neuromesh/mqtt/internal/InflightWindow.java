package io.neuromesh.mqtt.internal;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Backpressure for the broker's in-flight window. Paho refuses a QoS 1 publish with 32202 ("too many publishes in
 * progress") while the broker's Receive Maximum of unacknowledged publishes is reached; the publisher then waits here
 * until Paho reports a completed delivery, and tries again.
 *
 * <p>Usage: take a {@link #ticket()} before the attempt, and on refusal {@link #awaitReleaseSince(long)} that ticket.
 * A completion that lands between the attempt and the wait has moved the ticket on, so no wake-up is lost.
 * {@link #released()} is called for every completed delivery, on Paho's callback thread: it takes no lock unless
 * a publisher waits.
 */
final class InflightWindow {

    /**
     * Upper bound of one wait: a lost connection never completes the publishes in flight, so the publisher looks
     * again at least this often (its next attempt then fails as "not connected" and goes to the offline buffer).
     */
    static final Duration MAX_WAIT = Duration.ofMillis(100);

    private final AtomicLong completions = new AtomicLong();
    private final AtomicInteger waiters = new AtomicInteger();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition completed = lock.newCondition();

    /** The current count of completions, to pass to {@link #awaitReleaseSince(long)}. */
    long ticket() {
        return completions.get();
    }

    /** Waits until a delivery completed after {@code ticket} was taken, at most {@link #MAX_WAIT}. */
    void awaitReleaseSince(long ticket) {
        waiters.incrementAndGet();
        lock.lock();
        try {
            long nanos = MAX_WAIT.toNanos();
            while (completions.get() == ticket && nanos > 0) {
                nanos = completed.awaitNanos(nanos);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
            waiters.decrementAndGet();
        }
    }

    /** A delivery completed: one slot of the window is free again. */
    void released() {
        completions.incrementAndGet();
        // Paired with the waiter's increment-then-check: either it sees the new count, or we see it waiting.
        if (waiters.get() > 0) {
            lock.lock();
            try {
                completed.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }
}
