package io.neuromesh.mqtt;

import java.io.Serial;

/**
 * The broker refused the link's credentials (MQTT 5 CONNACK "bad user name or password" or "not authorized"), or
 * wants some the link did not send. {@link MqttLink#start()} throws it at once: retrying cannot fix a password. The
 * message names the user, never the password: {@code the broker refused the user 'alice': bad user name or password}.
 *
 * @since 0.2
 */
public final class LoginRefusedException extends MqttLinkException {

    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * @param message what was refused, naming the user
     * @param cause   Paho's exception
     */
    public LoginRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
