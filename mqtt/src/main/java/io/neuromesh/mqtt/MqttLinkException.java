package io.neuromesh.mqtt;

/**
 * A link operation failed: not connected in time, refused by the broker, or the link is closed.
 *
 * @since 0.1
 */
public class MqttLinkException extends RuntimeException {

    public MqttLinkException(String message) {
        super(message);
    }

    public MqttLinkException(String message, Throwable cause) {
        super(message, cause);
    }
}
