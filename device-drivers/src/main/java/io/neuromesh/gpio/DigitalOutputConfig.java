package io.neuromesh.gpio;

/**
 * A digital output: an LED, a relay, a buzzer. Validated on construction.
 *
 * @param pin           BCM GPIO number, 0-27
 * @param activeLow     true when the output is active while the pin is driven low (an LED from 3.3 V to the pin,
 *                      many relay boards); false when active while high
 * @param initialActive whether the output is active as soon as it is opened
 * @since 0.1
 */
public record DigitalOutputConfig(int pin, boolean activeLow, boolean initialActive) {

    public DigitalOutputConfig {
        Pins.requireBcm(pin);
    }
}
