package io.neuromesh.edge.internal.runtime;

/** Runs a task on the brain thread later; tests use a manual implementation. */
@FunctionalInterface
interface Scheduler {

    /** Runs {@code task} on the brain thread after {@code delayMicros} (0 or less: as soon as possible). */
    void schedule(Runnable task, long delayMicros);
}
