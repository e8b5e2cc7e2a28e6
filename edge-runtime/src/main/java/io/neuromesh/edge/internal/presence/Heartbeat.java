package io.neuromesh.edge.internal.presence;

import io.neuromesh.edge.internal.stats.Counters;

/** The load figures a node puts in its heartbeat: input rate since the last beat, queue depth, heap. */
public final class Heartbeat {

    /** One heartbeat's load. */
    public record Load(double inputsPerSecond, int queue, long heapUsedMb, long heapMaxMb) {
    }

    private final Counters counters;
    private long lastInputs;
    private long lastNanos = System.nanoTime();

    Heartbeat(Counters counters) {
        this.counters = counters;
    }

    /** The load now; the input rate is measured since the previous call. */
    synchronized Load load(int queue) {
        long now = System.nanoTime();
        long inputs = counters.inputs.sum();
        double seconds = Math.max(1e-3, (now - lastNanos) / 1e9);
        double rate = (inputs - lastInputs) / seconds;
        lastInputs = inputs;
        lastNanos = now;
        Runtime runtime = Runtime.getRuntime();
        long used = (runtime.totalMemory() - runtime.freeMemory()) >> 20;
        return new Load(Math.round(rate * 10) / 10.0, queue, used, runtime.maxMemory() >> 20);
    }
}
