package io.neuromesh.mqtt;

import java.time.Duration;

/**
 * Connection events of a {@link MqttLink}. Called on the link's control thread, never on the MQTT client's threads;
 * subscriptions are already restored when {@link #connected(boolean)} runs.
 *
 * @since 0.1
 */
public interface LinkListener {

    /**
     * The link is connected and its subscriptions are in place.
     *
     * @param reconnect false for the first connection of this link, true after a connection loss
     */
    default void connected(boolean reconnect) {
    }

    /** The connection was lost; the link keeps reconnecting with backoff unless it {@link LinkState#FAILED failed}. */
    default void disconnected(String reason) {
    }

    /**
     * An attempt to connect failed (the first connection or a reconnect); the link tries again after {@code retryIn}
     * (the next delay of its {@link LinkConfig#reconnect() backoff}). The link itself logs these at debug level only:
     * the owner says it in its own words, e.g. which node cannot reach its broker.
     *
     * @param reason  the plain cause, e.g. {@code connection refused}, {@code unknown host broker.lan},
     *                {@code timed out}, {@code not authorized}, {@code TLS failure: ...}
     * @param retryIn the delay before the next attempt
     */
    default void connectFailed(String reason, Duration retryIn) {
    }
}
