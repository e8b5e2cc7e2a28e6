package io.neuromesh.cli.internal.demo;

import java.util.HashMap;
import java.util.Map;

/** Latest observed output per neuron with its arrival time, fed by a fleet client's watch. Thread-safe. */
final class OutputTracker {

    private record Seen(int value, long arrivedNanos) {
    }

    private final Map<String, Seen> latest = new HashMap<>();
    private long lastArrivalNanos;

    /** Records that {@code name} (a neuron, or the LED) now shows {@code value}. */
    synchronized void accept(String name, int value) {
        long now = System.nanoTime();
        latest.put(name, new Seen(value, now));
        lastArrivalNanos = now;
        notifyAll();
    }

    /**
     * Waits until {@code neuron} shows {@code value} and no output changed for {@code quietMillis}; returns the
     * arrival time of that neuron's output, or -1 on timeout.
     */
    synchronized long awaitSettled(String neuron, int value, long quietMillis, long timeoutMillis)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        while (true) {
            long now = System.nanoTime();
            Seen seen = latest.get(neuron);
            boolean quiet = now - lastArrivalNanos >= quietMillis * 1_000_000;
            if (seen != null && seen.value() == value && quiet) {
                return seen.arrivedNanos();
            }
            if (now >= deadline) {
                return -1;
            }
            long waitNanos = seen != null && seen.value() == value
                    ? quietMillis * 1_000_000 - (now - lastArrivalNanos) : deadline - now;
            long waitMillis = Math.max(1, Math.min(waitNanos, deadline - now) / 1_000_000);
            wait(waitMillis);
        }
    }

    synchronized int value(String neuron) {
        Seen seen = latest.get(neuron);
        return seen == null ? 0 : seen.value();
    }
}
