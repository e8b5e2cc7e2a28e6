package io.neuromesh.gpio;

/**
 * A PWM output, for example a dimmable LED. Validated on construction.
 *
 * @param pin         BCM GPIO number, 0-27
 * @param frequencyHz PWM frequency in hertz, 1-100000; in {@link GpioMode#GPIOD} mode the PWM is generated in
 *                    software, steady enough for LEDs up to about 1 kHz
 * @param activeLow   true when the output is active while the pin is low, so a duty of 100 % keeps the pin low
 * @since 0.1
 */
public record PwmConfig(int pin, int frequencyHz, boolean activeLow) {

    /** Lowest accepted frequency in hertz. */
    public static final int MIN_FREQUENCY_HZ = 1;
    /** Highest accepted frequency in hertz. */
    public static final int MAX_FREQUENCY_HZ = 100_000;

    public PwmConfig {
        Pins.requireBcm(pin);
        if (frequencyHz < MIN_FREQUENCY_HZ || frequencyHz > MAX_FREQUENCY_HZ) {
            throw new IllegalArgumentException("frequencyHz: must be " + MIN_FREQUENCY_HZ + "-" + MAX_FREQUENCY_HZ
                    + ", got " + frequencyHz);
        }
    }
}
