package io.neuromesh.edge.it;

import io.neuromesh.edge.FleetClient;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Latest output per neuron as seen on {@code neuron/+/output}, with waits for a value to settle. */
final class OutputWatcher {

    private final Map<String, Integer> latest = new HashMap<>();
    private long lastChangeNanos = System.nanoTime();
    private int count;

    synchronized void accept(FleetClient.OutputEvent event) {
        latest.put(event.neuron(), event.value());
        lastChangeNanos = System.nanoTime();
        count++;
        notifyAll();
    }

    /** Waits until {@code neuron} is {@code value} and no output changed for {@code quiet}; false on timeout. */
    synchronized boolean awaitSettled(String neuron, int value, Duration quiet, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long now = System.nanoTime();
            Integer seen = latest.get(neuron);
            if (seen != null && seen == value && now - lastChangeNanos >= quiet.toNanos()) {
                return true;
            }
            if (now >= deadline) {
                return false;
            }
            wait(Math.max(1, Math.min(quiet.toMillis(), (deadline - now) / 1_000_000)));
        }
    }

    synchronized Integer value(String neuron) {
        return latest.get(neuron);
    }

    synchronized int count() {
        return count;
    }
}
