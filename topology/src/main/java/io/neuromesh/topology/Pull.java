package io.neuromesh.topology;

/**
 * The internal pull resistor of a GPIO sensor pin. In JSON: {@code "up"}, {@code "down"} or {@code "off"}.
 *
 * @since 0.1
 */
public enum Pull {
    /** Pulled to 3.3 V: the pin reads high while nothing drives it. */
    UP,
    /** Pulled to ground: the pin reads low while nothing drives it. */
    DOWN,
    /** No pull resistor (the default): the circuit must drive the pin both ways. */
    OFF
}
