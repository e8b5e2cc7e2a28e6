package io.neuromesh.edge.internal.port;

import java.util.function.Supplier;

/**
 * Runs the brain's own continuations (refractory ticks, local deliveries) later on the brain thread, and tells the
 * brain's watchdog when the brain thread waits for work done for it elsewhere.
 */
@FunctionalInterface
public interface Scheduler {

    /** Runs {@code task} on the brain thread after {@code delayMicros} (0 or less: as soon as possible). */
    void schedule(Runnable task, long delayMicros);

    /**
     * Brain thread: runs {@code call}, which blocks on work done for the brain elsewhere (the broker's answer, a
     * placement another runtime of this JVM is computing); the brain's watchdog counts that time as progress, not as
     * a hang. Without a watchdog it simply runs {@code call}.
     */
    default <T> T awaitElsewhere(Supplier<T> call) {
        return call.get();
    }
}
