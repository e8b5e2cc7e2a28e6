package io.neuromesh.gpio;

import java.time.Duration;

/**
 * A digital input: a button, a PIR sensor, any two-level signal. Validated on construction.
 *
 * @param pin       BCM GPIO number, 0-27
 * @param pull      the internal bias resistor
 * @param debounce  how long the level must stay unchanged before a change is reported; zero reports every edge;
 *                  10-50 ms tames typical push buttons
 * @param activeLow true when the input is active while the pin is physically low (a button to GND with
 *                  {@link Pull#UP}); false when active while high
 * @since 0.1
 */
public record DigitalInputConfig(int pin, Pull pull, Duration debounce, boolean activeLow) {

    public DigitalInputConfig {
        Pins.requireBcm(pin);
        if (pull == null) {
            throw new IllegalArgumentException("pull: must be UP, DOWN or OFF, got null");
        }
        if (debounce == null || debounce.isNegative()) {
            throw new IllegalArgumentException("debounce: must be zero or positive, got " + debounce);
        }
    }
}
