package io.neuromesh.mqtt;

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
}
