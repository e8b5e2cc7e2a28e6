package io.neuromesh.edge.internal.presence;

import io.neuromesh.edge.internal.stats.Counters;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;

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
        // One snapshot of the heap: totalMemory() - freeMemory() reads two figures at two moments, and a heap that
        // grew in between gave a negative "used" (measured: -554 MB), which the status refuses, so the beat was lost.
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        long max = heap.getMax() < 0 ? Runtime.getRuntime().maxMemory() : heap.getMax();
        return new Load(Math.round(rate * 10) / 10.0, queue, Math.max(0, heap.getUsed()) >> 20, max >> 20);
    }
}
