package io.neuromesh.mqtt.internal;

import io.neuromesh.mqtt.OutboundMessage;
import org.tinylog.Logger;

import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes kept while the link is disconnected, oldest first, bounded: when full, the oldest is dropped (a brain
 * cares about the latest outputs). Not thread-safe: its owner ({@link Publisher}) guards it; only
 * {@link #dropped()} may be read from any thread.
 */
final class OfflineBuffer {

    private final String name;
    private final int capacity;
    private final ArrayDeque<OutboundMessage> messages = new ArrayDeque<>();
    private final AtomicLong dropped = new AtomicLong();

    OfflineBuffer(String name, int capacity) {
        this.name = name;
        this.capacity = capacity;
    }

    void add(OutboundMessage message) {
        if (capacity == 0) {
            dropped.incrementAndGet();
            return;
        }
        if (messages.size() >= capacity) {
            messages.pollFirst();
            if (dropped.incrementAndGet() % 1000 == 1) {
                Logger.warn("{}: offline buffer full ({} messages); dropping the oldest", name, capacity);
            }
        }
        messages.addLast(message);
    }

    boolean isEmpty() {
        return messages.isEmpty();
    }

    /** The oldest message, left in place until {@link #removeOldest()}: a send that fails keeps it. */
    OutboundMessage oldest() {
        return messages.peekFirst();
    }

    void removeOldest() {
        messages.pollFirst();
    }

    int size() {
        return messages.size();
    }

    long dropped() {
        return dropped.get();
    }
}
