package io.neuromesh.edge.internal.port;

/** Runs the brain's own continuations (refractory ticks, local deliveries) later on the brain thread. */
@FunctionalInterface
public interface Scheduler {

    /** Runs {@code task} on the brain thread after {@code delayMicros} (0 or less: as soon as possible). */
    void schedule(Runnable task, long delayMicros);
}
