package io.neuromesh.mqtt.presence;

/**
 * Receives a {@link PresenceWatcher}'s events, on the executor given to the watcher, never on an MQTT thread. Events
 * are handed to that executor in order; a single-threaded executor sees them in order. A direct executor
 * ({@code Runnable::run}) runs the listener on the watcher's own thread: then it must not block.
 *
 * @param <S> the caller's status type
 * @since 0.1
 */
@FunctionalInterface
public interface PresenceListener<S> {

    /** Handles one event; an exception is logged and does not stop later events. */
    void onEvent(PresenceEvent<S> event);
}
