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
 * <p>Paho counts only the publishes its sender thread has <em>written</em>: a caller faster than that thread (both
 * cores busy) has every publish accepted and queued inside Paho, however many. So the window also counts what it was
 * handed ({@link #handed()}) and not yet released: the {@link #outstanding()} publishes, queued or in flight, which
 * a caller that must not queue up compares with the broker's Receive Maximum.
 *
 * <p>Usage: take a {@link #ticket()} before the attempt, and on refusal {@link #awaitReleaseSince(long)} that ticket.
 * A completion that lands between the attempt and the wait has moved the ticket on, so no wake-up is lost.
 * {@link #released()} is called once for every publish handed over, when it completes or fails, on Paho's callback
 * thread: it takes no lock unless a publisher waits.
 */
final class InflightWindow {

    /**
     * Upper bound of one wait: a lost connection never completes the publishes in flight, so the publisher looks
     * again at least this often (its next attempt then fails as "not connected" and goes to the offline buffer).
     */
    static final Duration MAX_WAIT = Duration.ofMillis(100);

    private final AtomicLong completions = new AtomicLong();
    /** Handed to Paho and not released; briefly -1 when a completion overtakes its {@link #handed()}. */
    private final AtomicInteger outstanding = new AtomicInteger();
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

    /** Paho took a publish (any QoS): it is outstanding until {@link #released()}. */
    void handed() {
        outstanding.incrementAndGet();
    }

    /** Publishes handed to Paho and neither completed nor failed yet: queued in Paho or awaiting their PUBACK. */
    int outstanding() {
        return outstanding.get();
    }

    /** A publish handed over completed or failed: one slot of the window is free again. */
    void released() {
        outstanding.decrementAndGet();
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
