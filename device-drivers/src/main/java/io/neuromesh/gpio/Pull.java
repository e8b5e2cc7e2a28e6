package io.neuromesh.gpio;

/**
 * The internal bias resistor of an input pin (about 50 kΩ on a Raspberry Pi).
 *
 * @since 0.1
 */
public enum Pull {
    /** Pull up to 3.3 V: the pin reads high while nothing drives it (a button to GND reads low when pressed). */
    UP,
    /** Pull down to GND: the pin reads low while nothing drives it (a button to 3.3 V reads high when pressed). */
    DOWN,
    /** No bias: the circuit must drive the pin, for example a PIR sensor's push-pull output or an external resistor. */
    OFF
}
