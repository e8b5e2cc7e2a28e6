package io.neuromesh.edge.internal.client;

import io.neuromesh.mqtt.InboundMessage;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The latest payload of each topic a reader subscribed to, and a wait for the next one. MQTT has no "nothing is
 * retained" marker and a broker may deliver retained messages after a later round trip (HiveMQ does under load), so
 * a reader waits here for a document it has evidence of, up to its deadline.
 *
 * <p>Thread-safe: the client's dispatch thread puts, the reading thread waits.
 */
final class RetainedBox {

    private final Map<String, byte[]> latest = new HashMap<>();

    /** A message handler: keeps the payload of {@code message} (an empty one too: a cleared topic). */
    synchronized void put(InboundMessage message) {
        latest.put(message.topic(), message.payload());
        notifyAll();
    }

    /** @return the latest payload of {@code topic}, if one arrived */
    synchronized Optional<byte[]> get(String topic) {
        return Optional.ofNullable(latest.get(topic));
    }

    /**
     * Waits until something arrives or {@code deadlineNanos} ({@link System#nanoTime()}) passes.
     *
     * @return false when the deadline has passed
     */
    synchronized boolean awaitNext(long deadlineNanos) {
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0) {
            return false;
        }
        try {
            wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return true;
    }
}
