package io.neuromesh.mqtt;

/**
 * Lifecycle of a {@link MqttLink}.
 *
 * @since 0.1
 */
public enum LinkState {
    /** Built, not started. */
    NEW,
    /** Started; trying to (re)connect with backoff. */
    CONNECTING,
    /** Connected and subscribed. */
    CONNECTED,
    /** Gave up for a reason that reconnecting cannot fix (e.g. another client took over the session). */
    FAILED,
    /** Closed by its owner. */
    CLOSED
}
