package io.neuromesh.mqtt;

import java.io.Serial;
import java.util.Locale;

/**
 * The broker acknowledged a publish with an MQTT 5 error reason code (0x80 or above): it did not accept the message.
 * The embedded broker refuses a topology publish that would break the retained topology this way, with a reason
 * string that says why and what to publish instead.
 *
 * @since 0.1
 */
public class PublishRefusedException extends MqttLinkException {

    /** The lowest MQTT 5 reason code that means failure; lower codes are successes. */
    public static final int FIRST_ERROR_CODE = 0x80;

    @Serial
    private static final long serialVersionUID = 1L;

    private final String topic;
    private final int reasonCode;
    private final String reason;

    /**
     * @param topic      the topic of the refused publish
     * @param reasonCode the PUBACK reason code, 0x80–0xFF
     * @param reason     the broker's reason string, or null when it sent none
     */
    public PublishRefusedException(String topic, int reasonCode, String reason) {
        super("the broker refused the publish to " + topic + ": "
                + (reason == null || reason.isEmpty() ? meaning(reasonCode) : reason)
                + " (reason code 0x" + Integer.toHexString(reasonCode).toUpperCase(Locale.ROOT) + ")");
        if (reasonCode < FIRST_ERROR_CODE || reasonCode > 0xFF) {
            throw new IllegalArgumentException("reasonCode: must be an error code, 0x80-0xFF, got " + reasonCode);
        }
        this.topic = topic;
        this.reasonCode = reasonCode;
        this.reason = reason == null ? "" : reason;
    }

    /** The words of a PUBACK error code, for a broker that sends no reason string (Mosquitto). */
    private static String meaning(int reasonCode) {
        return switch (reasonCode) {
            case 0x83 -> "implementation specific error";
            case 0x87 -> "not authorized";
            case 0x90 -> "topic name invalid";
            case 0x97 -> "quota exceeded";
            case 0x99 -> "payload format invalid";
            default -> "no reason given";
        };
    }

    /** @return the topic of the refused publish */
    public String topic() {
        return topic;
    }

    /**
     * @return the MQTT 5 PUBACK reason code, e.g. 0x99 (payload format invalid) or 0x83 (implementation specific
     *         error)
     */
    public int reasonCode() {
        return reasonCode;
    }

    /** @return the broker's reason string, or empty when it gave none */
    public String reason() {
        return reason;
    }
}
