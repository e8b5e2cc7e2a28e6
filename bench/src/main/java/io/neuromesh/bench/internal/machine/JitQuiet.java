package io.neuromesh.bench.internal.machine;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * Waits until this JVM's JIT compilers stop, so that compilations set off by the bench's own preparation (making,
 * parsing and hashing a 100,000-neuron document) do not run inside a measurement on the cores the measured nodes
 * share: 1-2 CPU-seconds of the optimising compiler landed in each fleet apply before.
 */
public final class JitQuiet {

    /** How long the compilers' total time must stay unchanged to count as stopped. */
    static final Duration STILL = Duration.ofMillis(300);
    private static final long POLL_MILLIS = 50;

    private JitQuiet() {
    }

    /**
     * @param atMost how long to wait at most
     * @return how long it waited: until the compilers' total time stayed unchanged for {@link #STILL}, or
     *         {@code atMost}; at once when the JVM does not report compilation time, or when interrupted (the thread's
     *         interrupt flag is set again)
     */
    public static Duration await(Duration atMost) {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        long start = System.nanoTime();
        if (jit == null || !jit.isCompilationTimeMonitoringSupported()) {
            return Duration.ZERO;
        }
        long deadline = start + atMost.toNanos();
        long total = jit.getTotalCompilationTime();
        long stillSince = start;
        while (System.nanoTime() - stillSince < STILL.toNanos() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            long now = jit.getTotalCompilationTime();
            if (now != total) {
                total = now;
                stillSince = System.nanoTime();
            }
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
