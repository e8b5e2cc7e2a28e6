package io.neuromesh.bench.internal.scenario;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;

/**
 * A throughput round: publish as fast as possible while at most a window of messages is outstanding (published,
 * not yet counted at the receiver), so the rate measured is one the path sustains without dropping anything. The
 * counting subscriber calls {@link #arrived()}.
 */
final class Blast {

    /** A round is over (with losses) when nothing arrived for this long. */
    private static final Duration STALL = Duration.ofSeconds(2);

    /** What one round did. */
    record Round(long sent, long received, long nanos) {

        double perSecond() {
            return received / (nanos / 1e9);
        }

        long lost() {
            return sent - received;
        }
    }

    private final int window;
    private final Semaphore permits;
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong lastArrival = new AtomicLong();

    /** @param window messages outstanding at most */
    Blast(int window) {
        this.window = window;
        this.permits = new Semaphore(window);
    }

    /** One message reached the counting subscriber; call it from its handler. */
    void arrived() {
        lastArrival.set(System.nanoTime());
        received.incrementAndGet();
        permits.release();
    }

    /**
     * Publishes {@code count} messages, {@code publish.accept(i)} for the i-th, and waits until all arrived or none
     * arrived for a while.
     */
    Round run(int count, IntConsumer publish) throws InterruptedException {
        received.set(0);
        permits.drainPermits();
        permits.release(window);
        long start = System.nanoTime();
        int sent = 0;
        while (sent < count && permits.tryAcquire(STALL.toMillis(), TimeUnit.MILLISECONDS)) {
            publish.accept(sent);
            sent++;
        }
        long seen = -1;
        long lastChange = System.nanoTime();
        while (received.get() < sent && System.nanoTime() - lastChange < STALL.toNanos()) {
            if (received.get() != seen) {
                seen = received.get();
                lastChange = System.nanoTime();
            }
            Thread.sleep(1);
        }
        if (received.get() == 0) {
            throw new IllegalStateException("none of " + sent + " messages arrived");
        }
        return new Round(sent, received.get(), lastArrival.get() - start);
    }
}
