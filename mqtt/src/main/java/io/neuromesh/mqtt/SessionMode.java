package io.neuromesh.mqtt;

/**
 * How a {@link MqttLink} uses the broker-side MQTT session (subscriptions and QoS 1 messages queued while away).
 *
 * @since 0.1
 */
public enum SessionMode {
    /** A new, empty session on every connection; nothing is queued while disconnected. */
    CLEAN,
    /** Resume the broker's session on every connection, the first one included. */
    PERSISTENT,
    /**
     * Start with an empty session when the link starts (a restarted process must not replay inputs queued for its
     * previous life, it restores its state another way), then resume it across every reconnect of this link (a broker
     * restart or network blip loses no QoS 1 message). The old session is wiped by a short clean connection first,
     * because a session begun with clean start is not restored by Mosquitto 2.0 after its own restart.
     */
    FRESH_THEN_PERSISTENT
}
