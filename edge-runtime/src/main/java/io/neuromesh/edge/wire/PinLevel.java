package io.neuromesh.edge.wire;

/**
 * The electrical level of a digital pin (before active-low is applied); on the wire {@code "high"} or {@code "low"}.
 *
 * @since 0.1
 */
public enum PinLevel {
    HIGH,
    LOW;

    /** {@link #HIGH} for true. */
    public static PinLevel of(boolean high) {
        return high ? HIGH : LOW;
    }

    /** The name on the wire, e.g. {@code high}. */
    public String wireName() {
        return JsonMessage.wireName(this);
    }
}
