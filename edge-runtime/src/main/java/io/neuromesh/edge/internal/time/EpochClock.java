package io.neuromesh.edge.internal.time;

/**
 * Epoch time in microseconds for neuron timing and event logs. The system implementation is monotonic (it never
 * goes back when NTP steps the wall clock) and precise to the microsecond; tests use a manual clock.
 */
@FunctionalInterface
public interface EpochClock {

    /** Current epoch microseconds. */
    long micros();

    /** A monotonic clock anchored to the wall clock once, at creation. */
    static EpochClock system() {
        long baseMicros = System.currentTimeMillis() * 1000;
        long baseNanos = System.nanoTime();
        return () -> baseMicros + (System.nanoTime() - baseNanos) / 1000;
    }
}
