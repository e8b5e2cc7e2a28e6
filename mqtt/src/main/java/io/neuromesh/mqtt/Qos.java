package io.neuromesh.mqtt;

/**
 * MQTT quality of service levels used by Neuromesh. QoS 2 is deliberately absent: every Neuromesh message is
 * either idempotent (latest value wins) or deduplicated by an id in its payload, so QoS 1 is enough.
 *
 * @since 0.1
 */
public enum Qos {
    /** Fire and forget: lost when the connection drops while it is on the wire. */
    AT_MOST_ONCE(0),
    /** Acknowledged and redelivered after a reconnect until the receiver has it; may arrive twice. */
    AT_LEAST_ONCE(1);

    private final int level;

    Qos(int level) {
        this.level = level;
    }

    /** The protocol level, 0 or 1. */
    public int level() {
        return level;
    }

    /** The enum constant for a protocol level; 2 is treated as 1 because Neuromesh never needs exactly-once. */
    public static Qos of(int level) {
        return switch (level) {
            case 0 -> AT_MOST_ONCE;
            case 1, 2 -> AT_LEAST_ONCE;
            default -> throw new IllegalArgumentException("qos: must be 0 or 1, got " + level);
        };
    }
}
