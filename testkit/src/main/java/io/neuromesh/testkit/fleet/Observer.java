package io.neuromesh.testkit.fleet;

import io.neuromesh.mqtt.InboundMessage;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Everything a {@link TestFleet} saw on one topic filter, retained messages included: the latest payload per topic
 * and the whole history. Thread-safe: the fleet's MQTT link fills it; tests read it, typically inside an Awaitility
 * {@code await().until(...)}.
 *
 * @since 0.1
 */
public final class Observer {

    /**
     * One message as seen by the observer.
     *
     * @param topic        the topic it arrived on
     * @param payload      the payload as UTF-8 text
     * @param retained     whether the broker delivered it as a retained message
     * @param arrivedNanos {@link System#nanoTime()} at arrival
     */
    public record Message(String topic, String payload, boolean retained, long arrivedNanos) {
    }

    private final String filter;
    private final Map<String, String> latest = new ConcurrentHashMap<>();
    private final List<Message> history = new CopyOnWriteArrayList<>();
    private volatile long lastArrivalNanos = System.nanoTime();

    Observer(String filter) {
        this.filter = filter;
    }

    // Runs on the link's dispatch thread: records only, never blocks.
    void accept(InboundMessage message) {
        String text = new String(message.payload(), StandardCharsets.UTF_8);
        long now = System.nanoTime();
        if (text.isEmpty()) {
            latest.remove(message.topic());
        } else {
            latest.put(message.topic(), text);
        }
        history.add(new Message(message.topic(), text, message.retained(), now));
        lastArrivalNanos = now;
    }

    /** @return the subscribed filter */
    public String filter() {
        return filter;
    }

    /**
     * @param topic an exact topic
     * @return the latest payload on it; empty if none arrived or the retained message was cleared (empty payload)
     */
    public Optional<String> latest(String topic) {
        return Optional.ofNullable(latest.get(topic));
    }

    /** @return a snapshot of the latest payload per topic */
    public Map<String, String> latest() {
        return Map.copyOf(latest);
    }

    /** @return every message seen since the subscription or the last {@link #clear()}, in arrival order */
    public List<Message> history() {
        return List.copyOf(history);
    }

    /**
     * @param topic an exact topic
     * @return the messages on that topic, in arrival order
     */
    public List<Message> history(String topic) {
        return history.stream().filter(m -> m.topic().equals(topic)).toList();
    }

    /** @return how long no message arrived on this filter; a value "settled" when this is long enough */
    public Duration quietFor() {
        return Duration.ofNanos(System.nanoTime() - lastArrivalNanos);
    }

    /** Forgets the history (the latest payloads stay). */
    public void clear() {
        history.clear();
    }

    @Override
    public String toString() {
        return filter + " " + latest;
    }
}
